// The rules JSON Schema cannot express: consistency between entries and facts only Intl knows.

import { checkClosures } from './checks/closure-checks.js'
import { checkAvailabilityTimes, checkWeeklyHours } from './checks/hours-checks.js'
import { checkDuplicateIds, checkReferences } from './checks/id-checks.js'
import { checkIdentity } from './checks/identity-checks.js'
import { isObject } from './data-access.js'

const CHECKS = [checkIdentity, checkWeeklyHours, checkClosures, checkDuplicateIds, checkReferences, checkAvailabilityTimes]

/** Calls `report.error(segments, message)` for every violation; data of the wrong shape is skipped. */
export function runSemanticChecks(config, report) {
  if (!isObject(config)) return
  for (const check of CHECKS) check(config, report)
}
