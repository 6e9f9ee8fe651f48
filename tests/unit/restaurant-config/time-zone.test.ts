import { describe, expect, it } from 'vitest'
import { formatInZone, instantFromWallClock } from '../../../public/plugins/restaurant-config/lib/time-zone.js'

/** A wall-clock time written without offset, encoded as the plugin encodes it. */
const wallClock = (text: string) => Date.parse(`${text}Z`)

describe('wall-clock times in a time zone (through Intl only)', () => {
  it.each([
    ['an ordinary winter time', 'Europe/Berlin', '2026-01-16T12:00:00', '2026-01-16T12:00:00+01:00'],
    ['an ordinary summer time', 'Europe/Berlin', '2026-07-01T12:00:00', '2026-07-01T12:00:00+02:00'],
    ['a skipped time (spring forward) moves forward by the gap', 'Europe/Berlin', '2026-03-29T02:30:00', '2026-03-29T03:30:00+02:00'],
    ['the first skipped minute', 'Europe/Berlin', '2026-03-29T02:00:00', '2026-03-29T03:00:00+02:00'],
    ['a repeated time (fall back) is the earlier one', 'Europe/Berlin', '2026-10-25T02:30:00', '2026-10-25T02:30:00+02:00'],
    ['the first minute after the repeated hour', 'Europe/Berlin', '2026-10-25T03:00:00', '2026-10-25T03:00:00+01:00'],
    ['New York, a skipped time', 'America/New_York', '2026-03-08T02:30:00', '2026-03-08T03:30:00-04:00'],
    ['New York, a repeated time', 'America/New_York', '2026-11-01T01:30:00', '2026-11-01T01:30:00-04:00'],
    ['a half-hour daylight saving gap', 'Australia/Lord_Howe', '2026-10-04T02:15:00', '2026-10-04T02:45:00+11:00'],
    ['a half-hour daylight saving overlap', 'Australia/Lord_Howe', '2026-04-05T01:45:00', '2026-04-05T01:45:00+11:00'],
    ['an offset of 5:45', 'Asia/Kathmandu', '2026-06-01T12:00:00', '2026-06-01T12:00:00+05:45'],
    ['a negative half-hour offset', 'America/St_Johns', '2026-01-16T12:00:00', '2026-01-16T12:00:00-03:30'],
    ['UTC', 'UTC', '2026-06-01T12:00:00', '2026-06-01T12:00:00+00:00'],
  ])('%s', (_description, timeZone, wall, expected) => {
    expect(formatInZone(instantFromWallClock(wallClock(wall), timeZone), timeZone)).toBe(expected)
  })
})
