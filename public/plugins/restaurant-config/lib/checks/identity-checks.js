// The restaurant's time zone and currency must be ones Intl knows.

import { isObject } from '../data-access.js'
import { canonicalTimeZone } from '../time-zone.js'

export function checkIdentity(config, report) {
  if (!isObject(config.restaurant)) return
  const { timezone, currency } = config.restaurant
  if (typeof timezone === 'string') {
    const canonical = canonicalTimeZone(timezone)
    if (canonical === null) {
      report.error(['restaurant', 'timezone'], `unknown time zone ${JSON.stringify(timezone)}`)
    } else if (canonical !== timezone && canonical.toLowerCase() === timezone.toLowerCase()) {
      // Intl ignores case, but tools that look zones up as files do not.
      report.error(['restaurant', 'timezone'], `must be written ${JSON.stringify(canonical)}`)
    }
  }
  if (typeof currency === 'string' && !Intl.supportedValuesOf('currency').includes(currency)) {
    report.error(['restaurant', 'currency'], `unknown currency code ${JSON.stringify(currency)}`)
  }
}
