// Whether a valid configuration is open at an instant, and when that next changes.
// A range belongs to the local date it starts on: a closure on that date cancels it, even the part of it
// that runs past midnight; a range started the evening before a closure day still ends as written.

import { addDays, dateToUtcMs, utcMsToDate, weekdayOf } from './calendar.js'
import { parseTimeRange } from './time-ranges.js'
import { instantFromWallClock, wallClockAt } from './time-zone.js'

/** How far ahead to look for the next change: past any realistic closure. */
const SEARCH_DAYS = 2 * 366
const MINUTE_MS = 60 * 1000

/**
 * `{open, nextChange, range, closure}`: `nextChange` is an instant, or null when nothing changes within
 * two years; `range` is the opening range the instant falls in; `closure` the closure of the instant's
 * local date when it is closed.
 */
export function openingStateAt(config, instant) {
  const timeZone = config.restaurant.timezone
  const today = utcMsToDate(wallClockAt(instant, timeZone))
  let span = null // consecutive intervals merged: open from span.start to span.end without a break
  let range = null
  let spanIsFinal = false
  for (const interval of openingIntervals(config, addDays(today, -1), SEARCH_DAYS)) {
    if (interval.start <= instant && instant < interval.end) range ??= interval.range
    if (span && interval.start <= span.end) {
      span.end = Math.max(span.end, interval.end)
      continue
    }
    if (span && span.end > instant) {
      spanIsFinal = true
      break
    }
    span = { start: interval.start, end: interval.end }
  }
  const open = span !== null && span.start <= instant && instant < span.end
  if (open) return { open, nextChange: spanIsFinal ? span.end : null, range, closure: null }
  const nextChange = span !== null && span.start > instant ? span.start : null
  return { open, nextChange, range: null, closure: closureOn(today, config.closures) }
}

/** The opening intervals, as instants, of the ranges starting on `dayCount` local dates from `firstDate`. */
function* openingIntervals(config, firstDate, dayCount) {
  const timeZone = config.restaurant.timezone
  for (let offset = 0; offset < dayCount; offset++) {
    const date = addDays(firstDate, offset)
    if (closureOn(date, config.closures)) continue
    const day = weekdayOf(date)
    const midnight = dateToUtcMs(date)
    const ranges = (config.hours[day] ?? []).map((hours) => ({ hours, ...parseTimeRange(hours) }))
    for (const { hours, start, end } of ranges.sort((a, b) => a.start - b.start)) {
      const interval = {
        start: instantFromWallClock(midnight + start * MINUTE_MS, timeZone),
        end: instantFromWallClock(midnight + end * MINUTE_MS, timeZone),
        range: { date, day, hours },
      }
      // A range that lies wholly in a skipped hour (02:00-03:00 on the night clocks jump) never happens.
      if (interval.end > interval.start) yield interval
    }
  }
}

function closureOn(date, closures = []) {
  return closures.find((closure) => (closure.date ?? closure.from) <= date && date <= (closure.date ?? closure.to)) ?? null
}
