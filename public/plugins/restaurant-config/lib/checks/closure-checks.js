// A closure range must not end before it starts.

import { isCalendarDate } from '../calendar.js'
import { listOf } from '../data-access.js'

export function checkClosures(config, report) {
  listOf(config.closures).forEach((closure, index) => {
    const { from, to } = closure ?? {}
    if (isCalendarDate(from) && isCalendarDate(to) && to < from) {
      report.error(['closures', index, 'to'], `must not be before from (${from})`)
    }
  })
}
