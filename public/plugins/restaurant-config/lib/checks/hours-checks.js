// Opening ranges that cannot be right: empty, ending before they start, or overlapping another range of
// the same day or, across midnight, of the next day (Sunday night runs into Monday).

import { WEEKDAYS } from '../calendar.js'
import { isObject, listOf } from '../data-access.js'
import { formatPath } from '../json-path.js'
import { parseTimeRange, runsPastMidnight } from '../time-ranges.js'

const MINUTES_PER_DAY = 24 * 60
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY

export function checkWeeklyHours(config, report) {
  const hours = isObject(config.hours) ? config.hours : {}
  const entries = WEEKDAYS.flatMap((day, dayIndex) =>
    listOf(hours[day]).map((text, index) => ({ text, segments: ['hours', day, index], dayStart: dayIndex * MINUTES_PER_DAY })),
  )
  checkRanges(entries, MINUTES_PER_WEEK, report)
}

/** An item's `available.times` hold for every day it is available, so they repeat daily. */
export function checkAvailabilityTimes(config, report) {
  listOf(config.menu?.items).forEach((item, itemIndex) => {
    const segments = ['menu', 'items', itemIndex, 'available', 'times']
    const entries = listOf(item?.available?.times).map((text, index) => ({ text, segments: [...segments, index], dayStart: 0 }))
    checkRanges(entries, MINUTES_PER_DAY, report)
  })
}

/** Reports each range that is unusable or overlaps one listed before it, on a cycle of `period` minutes. */
function checkRanges(entries, period, report) {
  const accepted = []
  for (const entry of entries) {
    const range = parseTimeRange(entry.text)
    if (!range) continue // not a time range at all: the schema reports it
    if (range.problem) {
      report.error(entry.segments, range.problem)
      continue
    }
    const interval = { ...entry, range, start: entry.dayStart + range.start, end: entry.dayStart + range.end }
    for (const earlier of accepted) {
      const shift = overlapShift(earlier, interval, period)
      if (shift === undefined) continue
      const acrossMidnight = shift !== 0 || earlier.dayStart !== interval.dayStart
      report.error(entry.segments, overlapMessage(interval, earlier, acrossMidnight))
      break
    }
    accepted.push(interval)
  }
}

/** How far `a` must be moved by whole cycles to overlap `b`, or undefined when it never does. */
function overlapShift(a, b, period) {
  return [0, -period, period].find((shift) => a.start + shift < b.end && b.start < a.end + shift)
}

function overlapMessage(interval, earlier, acrossMidnight) {
  const other = `${formatPath(earlier.segments)} ${JSON.stringify(earlier.text)}`
  if (!acrossMidnight) return `overlaps ${other}`
  return runsPastMidnight(interval.range) ? `runs past midnight into ${other}` : `overlaps ${other}, which runs past midnight`
}
