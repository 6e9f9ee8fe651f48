// ISO 8601 date-times as `check_open` accepts them: 2026-03-29T01:30, 2026-03-29T01:30:00+01:00, ...Z.

import { dateToUtcMs } from './calendar.js'
import { CommandError } from './command-error.js'

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/

/**
 * `{wallClock, offset}`: the written date and time as a UTC-encoded wall clock, and the written offset
 * in milliseconds, or null when the text has none. `name` is the argument's name for the error message.
 */
export function parseDateTime(text, name) {
  const parsed = typeof text === 'string' ? parseIsoDateTime(text.trim()) : null
  if (!parsed) {
    throw new CommandError(`${name} must be an ISO 8601 date and time like 2026-03-29T01:30 or 2026-03-29T01:30:00+01:00, got ${JSON.stringify(text)}`)
  }
  return parsed
}

function parseIsoDateTime(text) {
  const match = DATE_TIME.exec(text)
  if (!match) return null
  const [, date, hour, minute, second = '0', fraction = '', offsetText] = match
  const midnight = dateToUtcMs(date)
  if (Number.isNaN(midnight) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null
  const offset = offsetText === undefined ? null : parseOffset(offsetText)
  if (Number.isNaN(offset)) return null
  const seconds = (Number(hour) * 60 + Number(minute)) * 60 + Number(second)
  return { wallClock: midnight + seconds * 1000 + Math.floor(Number(`0${fraction}`) * 1000), offset }
}

/** The offset in milliseconds, or NaN when it is out of range. */
function parseOffset(text) {
  if (/^z$/i.test(text)) return 0
  const [, sign, hours, minutes] = OFFSET.exec(text)
  if (Number(hours) > 23 || Number(minutes) > 59) return NaN
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60000
}
