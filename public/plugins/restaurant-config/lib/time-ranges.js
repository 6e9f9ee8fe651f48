// Opening ranges written 'HH:MM-HH:MM', as minutes after the midnight that starts their day.

import { restaurantSchema } from '../schema.js'

const MINUTES_PER_DAY = 24 * 60
const RANGE_PATTERN = new RegExp(restaurantSchema.$defs.timeRange.pattern)

/** A range ending earlier than it starts runs past midnight, but only when it ends by this time. */
export const LATEST_OVERNIGHT_END = '06:00'

/**
 * `{start, end}` in minutes, `end` beyond 1440 for a range past midnight; or `{problem}` for a well-formed
 * range that cannot be an opening time; or null when `text` is not a range at all.
 */
export function parseTimeRange(text) {
  if (typeof text !== 'string' || !RANGE_PATTERN.test(text)) return null
  const [start, endOnClock] = text.split('-').map(clockToMinutes)
  if (endOnClock === start) return { problem: 'starts and ends at the same time' }
  if (endOnClock > start) return { start, end: endOnClock }
  if (endOnClock > clockToMinutes(LATEST_OVERNIGHT_END)) {
    return { problem: `ends before it starts (a range past midnight must end by ${LATEST_OVERNIGHT_END})` }
  }
  return { start, end: endOnClock + MINUTES_PER_DAY }
}

export function runsPastMidnight(range) {
  return range.end > MINUTES_PER_DAY
}

function clockToMinutes(clock) {
  const [hours, minutes] = clock.split(':').map(Number)
  return hours * 60 + minutes
}
