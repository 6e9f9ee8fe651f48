import { afterEach, describe, expect, it, vi } from 'vitest'
import { stringify } from 'yaml'
import { runCommand, type ConfigData } from './helpers'

type Closure = ConfigData['closures'][number]

type Hours = Record<string, string[]>

function configWith(timezone: string, hours: Hours, closures: Closure[] = []): string {
  return stringify({
    restaurant: { id: 'night-owl', name: 'Night Owl', timezone, currency: 'EUR' },
    hours,
    closures,
    menu: { categories: [], items: [] },
  })
}

async function checkOpen(text: string, at?: string) {
  const kwargs = at === undefined ? { config_path: 'r.yaml' } : { config_path: 'r.yaml', at }
  return runCommand('check_open', kwargs, { files: { 'r.yaml': text } })
}

type Case = [description: string, timezone: string, hours: Hours, at: string, open: boolean, nextChange: string | null]

// 2026-01-16 is a Friday. Berlin turns clocks forward on Sunday 2026-03-29 (02:00 → 03:00) and back on
// Sunday 2026-10-25 (03:00 → 02:00); New York forward on 2026-03-08 and back on 2026-11-01, at 02:00.
const MIDNIGHT_CASES: Case[] = [
  ['inside a range past midnight, after midnight', 'Europe/Berlin', { fri: ['22:00-02:00'] }, '2026-01-17T01:30', true, '2026-01-17T02:00:00+01:00'],
  ['inside a range past midnight, before midnight', 'Europe/Berlin', { fri: ['22:00-02:00'] }, '2026-01-16T23:59:59', true, '2026-01-17T02:00:00+01:00'],
  [
    'at the end of a range past midnight (ends are exclusive)',
    'Europe/Berlin',
    { fri: ['22:00-02:00'] },
    '2026-01-17T02:00',
    false,
    '2026-01-23T22:00:00+01:00',
  ],
  ['at the start of a range (starts are inclusive)', 'Europe/Berlin', { fri: ['22:00-02:00'] }, '2026-01-16T22:00', true, '2026-01-17T02:00:00+01:00'],
  ['just before a range', 'Europe/Berlin', { fri: ['22:00-02:00'] }, '2026-01-16T21:59', false, '2026-01-16T22:00:00+01:00'],
  ['Sunday night running into Monday', 'Europe/Berlin', { sun: ['22:00-02:00'] }, '2026-01-19T01:00', true, '2026-01-19T02:00:00+01:00'],
  [
    "a range past midnight joining the next day's range",
    'Europe/Berlin',
    { fri: ['20:00-02:00'], sat: ['02:00-05:00'] },
    '2026-01-17T01:00',
    true,
    '2026-01-17T05:00:00+01:00',
  ],
  ['ranges that touch, open through both', 'Europe/Berlin', { fri: ['11:00-14:00', '14:00-18:00'] }, '2026-01-16T13:00', true, '2026-01-16T18:00:00+01:00'],
  [
    'a day open until 24:00 followed by one from 00:00',
    'Europe/Berlin',
    { fri: ['18:00-24:00'], sat: ['00:00-03:00'] },
    '2026-01-16T23:00',
    true,
    '2026-01-17T03:00:00+01:00',
  ],
  ['between two ranges of a day', 'Europe/Berlin', { fri: ['11:00-14:00', '18:00-22:00'] }, '2026-01-16T15:00', false, '2026-01-16T18:00:00+01:00'],
  [
    'around the clock, every day',
    'Europe/Berlin',
    Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, ['00:00-24:00']])),
    '2026-01-16T12:00',
    true,
    null,
  ],
  ['never', 'Europe/Berlin', {}, '2026-01-16T12:00', false, null],
]

const DST_CASES: Case[] = [
  [
    'Berlin, spring forward: inside a night range, before the jump',
    'Europe/Berlin',
    { sat: ['22:00-04:00'] },
    '2026-03-29T01:30',
    true,
    '2026-03-29T04:00:00+02:00',
  ],
  [
    'Berlin, spring forward: a time in the skipped hour moves forward by the gap',
    'Europe/Berlin',
    { sat: ['22:00-04:00'] },
    '2026-03-29T02:30',
    true,
    '2026-03-29T04:00:00+02:00',
  ],
  [
    'Berlin, spring forward: a range opening in the skipped hour opens at 03:00',
    'Europe/Berlin',
    { sun: ['02:00-06:00'] },
    '2026-03-29T01:59',
    false,
    '2026-03-29T03:00:00+02:00',
  ],
  [
    'Berlin, spring forward: a range wholly in the skipped hour never opens that night',
    'Europe/Berlin',
    { sun: ['02:00-03:00'] },
    '2026-03-29T01:00',
    false,
    '2026-04-05T02:00:00+02:00',
  ],
  ['Berlin, the week after spring forward', 'Europe/Berlin', { sat: ['22:00-04:00'] }, '2026-04-04T21:00', false, '2026-04-04T22:00:00+02:00'],
  ['Berlin, fall back: an ambiguous time is the earlier one', 'Europe/Berlin', { sat: ['22:00-02:30'] }, '2026-10-25T02:15', true, '2026-10-25T02:30:00+02:00'],
  [
    'Berlin, fall back: the second 02:15 comes after a range ending at the first 02:30',
    'Europe/Berlin',
    { sat: ['22:00-02:30'] },
    '2026-10-25T02:15:00+01:00',
    false,
    '2026-10-31T22:00:00+01:00',
  ],
  [
    'Berlin, fall back: a range across the repeated hour lasts an hour longer',
    'Europe/Berlin',
    { sun: ['01:00-04:00'] },
    '2026-10-25T02:45:00+01:00',
    true,
    '2026-10-25T04:00:00+01:00',
  ],
  ['Berlin, fall back: the first hour of that range', 'Europe/Berlin', { sun: ['01:00-04:00'] }, '2026-10-25T00:30', false, '2026-10-25T01:00:00+02:00'],
  ['New York, spring forward: open across the jump', 'America/New_York', { sat: ['20:00-03:00'] }, '2026-03-08T01:30', true, '2026-03-08T03:00:00-04:00'],
  ['New York, spring forward: at given in UTC', 'America/New_York', { sat: ['20:00-03:00'] }, '2026-03-08T06:45:00Z', true, '2026-03-08T03:00:00-04:00'],
  [
    'New York, fall back: the repeated 01:30 is the earlier one',
    'America/New_York',
    { sat: ['22:00-01:45'] },
    '2026-11-01T01:30',
    true,
    '2026-11-01T01:45:00-04:00',
  ],
  [
    'New York, fall back: the later 01:30, given with its offset',
    'America/New_York',
    { sat: ['22:00-01:45'] },
    '2026-11-01T01:30-05:00',
    false,
    '2026-11-07T22:00:00-05:00',
  ],
  [
    "New York, a time given in another zone's offset",
    'America/New_York',
    { fri: ['17:00-23:00'] },
    '2026-01-17T01:00:00+01:00',
    true,
    '2026-01-16T23:00:00-05:00',
  ],
]

describe('check_open: midnight', () => {
  it.each(MIDNIGHT_CASES)('%s', async (_description, timezone, hours, at, open, nextChange) => {
    const { result } = await checkOpen(configWith(timezone, hours), at)
    expect(result).toMatchObject({ status: 'success', open, next_change: nextChange, timezone })
  })
})

describe('check_open: daylight saving time', () => {
  it.each(DST_CASES)('%s', async (_description, timezone, hours, at, open, nextChange) => {
    const { result } = await checkOpen(configWith(timezone, hours), at)
    expect(result).toMatchObject({ status: 'success', open, next_change: nextChange, timezone })
  })
})

describe('check_open: the result', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('says which range it is open in and how it read `at`', async () => {
    const { result, ctx } = await checkOpen(configWith('Europe/Berlin', { sat: ['22:00-04:00'] }), '2026-03-29T02:30')
    expect(result).toEqual({
      status: 'success',
      open: true,
      next_change: '2026-03-29T04:00:00+02:00',
      at: '2026-03-29T03:30:00+02:00',
      timezone: 'Europe/Berlin',
      range: { date: '2026-03-28', day: 'sat', hours: '22:00-04:00' },
    })
    expect(ctx.logs).toEqual(['Night Owl is open at 2026-03-29T03:30:00+02:00 until 2026-03-29T04:00:00+02:00'])
  })

  it.each([
    ['2026-01-16 21:30:00.250z', '2026-01-16T22:30:00+01:00'],
    ['2026-01-16T22:30:00.999', '2026-01-16T22:30:00+01:00'],
    ['2026-01-17T03:30+0530', '2026-01-16T23:00:00+01:00'],
  ])('reads at = %j as %s', async (at, read) => {
    const { result } = await checkOpen(configWith('Europe/Berlin', { fri: ['22:00-02:00'] }), at)
    expect(result).toMatchObject({ status: 'success', open: true, at: read })
  })

  it('uses the current time when `at` is not given', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-01-16T21:30:00Z'))
    const { result } = await checkOpen(configWith('Europe/Berlin', { fri: ['22:00-02:00'] }))
    expect(result).toMatchObject({ open: true, at: '2026-01-16T22:30:00+01:00', next_change: '2026-01-17T02:00:00+01:00' })
  })
})

describe('check_open: closures', () => {
  const weekend = { fri: ['22:00-02:00'], sat: ['12:00-15:00'] }

  it.each([
    [
      'a closed day, with its closure',
      [{ date: '2026-01-17', reason: 'Inventory' }],
      '2026-01-17T13:00',
      false,
      '2026-01-23T22:00:00+01:00',
      { date: '2026-01-17', reason: 'Inventory' },
    ],
    [
      'the night before a closed day: the range started the day before still runs',
      [{ date: '2026-01-17' }],
      '2026-01-17T01:00',
      true,
      '2026-01-17T02:00:00+01:00',
      undefined,
    ],
    [
      'a closure on the day a night range starts cancels its part after midnight too',
      [{ date: '2026-01-16' }],
      '2026-01-17T01:00',
      false,
      '2026-01-17T12:00:00+01:00',
      undefined,
    ],
    [
      'a long closure: the next change is the first opening after it',
      [{ from: '2026-01-10', to: '2026-04-30', reason: 'Renovation' }],
      '2026-01-17T13:00',
      false,
      '2026-05-01T22:00:00+02:00',
      { from: '2026-01-10', to: '2026-04-30', reason: 'Renovation' },
    ],
  ])('%s', async (_description, closures, at, open, nextChange, closure) => {
    const { result } = await checkOpen(configWith('Europe/Berlin', weekend, closures), at)
    expect(result).toMatchObject({ status: 'success', open, next_change: nextChange })
    expect(result.closure).toEqual(closure)
  })

  it('closes around-the-clock opening for a closure day', async () => {
    const everyDay = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, ['00:00-24:00']]))
    const { result } = await checkOpen(configWith('Europe/Berlin', everyDay, [{ date: '2026-12-25' }]), '2026-12-20T10:00')
    expect(result).toMatchObject({ open: true, next_change: '2026-12-25T00:00:00+01:00' })
  })
})

describe('check_open: refusals', () => {
  const valid = configWith('Europe/Berlin', { fri: ['22:00-02:00'] })

  it.each([
    ['2026-01-16', 'at must be an ISO 8601 date and time like 2026-03-29T01:30 or 2026-03-29T01:30:00+01:00, got "2026-01-16"'],
    ['2026-02-30T10:00', 'at must be an ISO 8601 date and time like 2026-03-29T01:30 or 2026-03-29T01:30:00+01:00, got "2026-02-30T10:00"'],
    ['2026-01-16T24:00', 'at must be an ISO 8601 date and time like 2026-03-29T01:30 or 2026-03-29T01:30:00+01:00, got "2026-01-16T24:00"'],
    ['2026-01-16T10:00+24:00', 'at must be an ISO 8601 date and time like 2026-03-29T01:30 or 2026-03-29T01:30:00+01:00, got "2026-01-16T10:00+24:00"'],
    ['next friday', 'at must be an ISO 8601 date and time like 2026-03-29T01:30 or 2026-03-29T01:30:00+01:00, got "next friday"'],
  ])('refuses at = %j', async (at, message) => {
    expect((await checkOpen(valid, at)).result).toEqual({ status: 'error', message })
  })

  it('refuses an `at` that is not a string', async () => {
    const { result } = await runCommand('check_open', { config_path: 'r.yaml', at: 1700000000 }, { files: { 'r.yaml': valid } })
    expect(result).toEqual({
      status: 'error',
      message: 'at must be an ISO 8601 date and time like 2026-03-29T01:30 or 2026-03-29T01:30:00+01:00, got 1700000000',
    })
  })

  it('refuses a configuration that does not validate', async () => {
    const { result } = await checkOpen(configWith('Mars/Olympus_Mons', { fri: ['22:00-02:00'] }), '2026-01-16T23:00')
    expect(result).toEqual({
      status: 'error',
      message:
        'r.yaml is not a valid restaurant configuration: restaurant.timezone (line 4): unknown time zone "Mars/Olympus_Mons"; run validate_config to see every error',
    })
  })
})
