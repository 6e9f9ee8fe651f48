// Instants and wall-clock times in IANA time zones, with every offset taken from Intl.DateTimeFormat.
// A wall-clock time is encoded as the UTC timestamp that shows the same date and time.

const DAY_MS = 24 * 60 * 60 * 1000
const formatters = new Map()

/** The zone's canonical name as Intl spells it, or null when Intl does not know the zone. */
export function canonicalTimeZone(name) {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone
  } catch {
    return null
  }
}

export function wallClockAt(instant, timeZone) {
  const fields = {}
  for (const { type, value } of fieldFormatter(timeZone).formatToParts(instant)) fields[type] = Number(value)
  const wholeSeconds = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second)
  return wholeSeconds + (((instant % 1000) + 1000) % 1000)
}

export function offsetAt(instant, timeZone) {
  return wallClockAt(instant, timeZone) - instant
}

/**
 * The instant a wall-clock time denotes in `timeZone`. A time that occurs twice (clocks turned back) is
 * the earlier one; a time skipped by clocks turned forward is moved forward by the length of the gap,
 * so 02:30 on a night that jumps from 02:00 to 03:00 is 03:30.
 */
export function instantFromWallClock(wallClock, timeZone) {
  const offsetBefore = offsetAt(wallClock - DAY_MS, timeZone)
  const offsetAfter = offsetAt(wallClock + DAY_MS, timeZone)
  const candidates = [wallClock - offsetBefore, wallClock - offsetAfter].filter((instant) => wallClockAt(instant, timeZone) === wallClock)
  if (candidates.length > 0) return Math.min(...candidates)
  return wallClock - offsetBefore
}

/** ISO 8601 local date and time with the zone's offset, like 2026-03-29T03:00:00+02:00. */
export function formatInZone(instant, timeZone) {
  const offsetMinutes = Math.round(offsetAt(instant, timeZone) / 60000)
  const local = new Date(instant + offsetMinutes * 60000).toISOString().slice(0, 19)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0')
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0')
  return `${local}${sign}${hours}:${minutes}`
}

function fieldFormatter(timeZone) {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}
