// Calendar dates as 'YYYY-MM-DD' strings, which compare in date order as plain strings.

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

const DAY_MS = 24 * 60 * 60 * 1000
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** Midnight of `date` as a UTC timestamp, or NaN when `date` is not a real calendar date. */
export function dateToUtcMs(date) {
  const match = DATE_PATTERN.exec(date)
  if (!match) return NaN
  const [year, month, day] = match.slice(1).map(Number)
  const ms = Date.UTC(year, month - 1, day)
  // Date.UTC rolls 2026-02-30 over into March; a real date survives the round trip.
  return utcMsToDate(ms) === date ? ms : NaN
}

export function utcMsToDate(ms) {
  return new Date(ms).toISOString().slice(0, 10)
}

export function isCalendarDate(text) {
  return typeof text === 'string' && !Number.isNaN(dateToUtcMs(text))
}

export function addDays(date, days) {
  return utcMsToDate(dateToUtcMs(date) + days * DAY_MS)
}

export function weekdayOf(date) {
  return WEEKDAYS[(new Date(dateToUtcMs(date)).getUTCDay() + 6) % 7]
}
