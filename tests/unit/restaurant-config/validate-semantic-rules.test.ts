import { describe, expect, it } from 'vitest'
import { configYaml, validate, type ConfigData } from './helpers'

type Issue = { path: string; message: string }
type Case = [description: string, change: (config: ConfigData) => void, errors: Issue[]]

async function errorsOf(change: (config: ConfigData) => void): Promise<Issue[]> {
  const result = await validate(configYaml(change))
  return result.errors.map(({ path, message }: Issue) => ({ path, message }))
}

const ID_AND_REFERENCE_CASES: Case[] = [
  [
    'a duplicate table id',
    (c) => c.tables.push({ id: 'T1', area: 'main', seats: 6 }),
    [{ path: 'tables[2].id', message: 'duplicate id "T1"; already used by tables[0]' }],
  ],
  [
    'a duplicate area id',
    (c) => c.areas.push({ id: 'main', name: 'Upstairs' }),
    [{ path: 'areas[1].id', message: 'duplicate id "main"; already used by areas[0]' }],
  ],
  [
    'a duplicate category id',
    (c) => c.menu.categories.push({ id: 'mains', name: 'More mains' }),
    [{ path: 'menu.categories[1].id', message: 'duplicate id "mains"; already used by menu.categories[0]' }],
  ],
  [
    'a duplicate menu item id',
    (c) => c.menu.items.push({ id: 'soup', name: 'Soup of the day', category: 'mains', price: 5 }),
    [{ path: 'menu.items[2].id', message: 'duplicate id "soup"; already used by menu.items[0]' }],
  ],
  ['the same id in two different lists, which is fine', (c) => c.areas.push({ id: 'T1', name: 'Terrace' }), []],
  ['a table in an unknown area', (c) => (c.tables[1].area = 'garden'), [{ path: 'tables[1].area', message: 'unknown area "garden"; expected one of: main' }]],
  [
    'a table when no areas are defined',
    (c) => Reflect.deleteProperty(c, 'areas'),
    [
      { path: 'tables[0].area', message: 'unknown area "main"; areas defines none' },
      { path: 'tables[1].area', message: 'unknown area "main"; areas defines none' },
    ],
  ],
  [
    'an item in an unknown category',
    (c) => (c.menu.items[1].category = 'grill'),
    [{ path: 'menu.items[1].category', message: 'unknown category "grill"; expected one of: mains' }],
  ],
]

const IDENTITY_AND_CLOSURE_CASES: Case[] = [
  ['an unknown time zone', (c) => (c.restaurant.timezone = 'Europe/Berln'), [{ path: 'restaurant.timezone', message: 'unknown time zone "Europe/Berln"' }]],
  [
    'a time zone in the wrong case',
    (c) => (c.restaurant.timezone = 'europe/berlin'),
    [{ path: 'restaurant.timezone', message: 'must be written "Europe/Berlin"' }],
  ],
  [
    'a time zone that is not a zone name (one error, from the schema)',
    (c) => (c.restaurant.timezone = 'Central European Time'),
    [{ path: 'restaurant.timezone', message: 'must be a valid IANA time zone name like Europe/Berlin' }],
  ],
  ['UTC, which is a valid zone', (c) => (c.restaurant.timezone = 'UTC'), []],
  ['an unknown currency code', (c) => (c.restaurant.currency = 'ABC'), [{ path: 'restaurant.currency', message: 'unknown currency code "ABC"' }]],
  [
    'a closure that ends before it starts',
    (c) => c.closures.push({ from: '2026-08-16', to: '2026-08-03', reason: 'Holidays' }),
    [{ path: 'closures[1].to', message: 'must not be before from (2026-08-16)' }],
  ],
  ['a one-day closure range', (c) => c.closures.push({ from: '2026-08-03', to: '2026-08-03' }), []],
]

const HOURS_CASES: Case[] = [
  [
    'overlapping ranges within a day',
    (c) => (c.hours.tue = ['11:30-14:30', '14:00-22:00']),
    [{ path: 'hours.tue[1]', message: 'overlaps hours.tue[0] "11:30-14:30"' }],
  ],
  [
    'a range inside another, listed first',
    (c) => (c.hours.tue = ['12:00-13:00', '11:00-15:00']),
    [{ path: 'hours.tue[1]', message: 'overlaps hours.tue[0] "12:00-13:00"' }],
  ],
  ['ranges that touch, which is fine', (c) => (c.hours.tue = ['11:00-14:00', '14:00-18:00']), []],
  [
    'a range that starts and ends at the same time',
    (c) => (c.hours.tue = ['12:00-12:00']),
    [{ path: 'hours.tue[0]', message: 'starts and ends at the same time' }],
  ],
  [
    'an inverted range',
    (c) => (c.hours.tue = ['14:30-11:30']),
    [{ path: 'hours.tue[0]', message: 'ends before it starts (a range past midnight must end by 06:00)' }],
  ],
  ['a range past midnight ending at 06:00, the latest allowed', (c) => (c.hours.sat = ['20:00-06:00']), []],
  [
    'a range past midnight ending at 06:01',
    (c) => (c.hours.sat = ['20:00-06:01']),
    [{ path: 'hours.sat[0]', message: 'ends before it starts (a range past midnight must end by 06:00)' }],
  ],
  ['a day open around the clock with 24:00', (c) => (c.hours = { mon: ['00:00-24:00'], tue: ['00:00-24:00'] }), []],
  [
    'a range past midnight overlapping the next morning',
    (c) => (c.hours.sat = ['01:00-03:00']),
    [{ path: 'hours.sat[0]', message: 'overlaps hours.fri[0] "18:00-02:00", which runs past midnight' }],
  ],
  ['a range past midnight touching the next morning, which is fine', (c) => (c.hours.sat = ['02:00-05:00']), []],
  [
    'a Sunday night range running into Monday',
    (c) => (c.hours = { mon: ['00:30-02:00'], sun: ['23:00-01:00'] }),
    [{ path: 'hours.sun[0]', message: 'runs past midnight into hours.mon[0] "00:30-02:00"' }],
  ],
  [
    'a range past midnight overlapping the next evening',
    (c) => (c.hours = { fri: ['18:00-05:00'], sat: ['04:00-10:00'] }),
    [{ path: 'hours.sat[0]', message: 'overlaps hours.fri[0] "18:00-05:00", which runs past midnight' }],
  ],
  [
    'overlapping availability times of an item',
    (c) => (c.menu.items[0].available = { times: ['12:00-15:00', '14:00-16:00'] }),
    [{ path: 'menu.items[0].available.times[1]', message: 'overlaps menu.items[0].available.times[0] "12:00-15:00"' }],
  ],
  [
    'availability times wrapping past midnight into the same list',
    (c) => (c.menu.items[0].available = { times: ['01:00-03:00', '22:00-02:00'] }),
    [{ path: 'menu.items[0].available.times[1]', message: 'runs past midnight into menu.items[0].available.times[0] "01:00-03:00"' }],
  ],
  [
    'inverted availability times',
    (c) => (c.menu.items[0].available = { days: ['tue'], times: ['15:00-12:00'] }),
    [{ path: 'menu.items[0].available.times[0]', message: 'ends before it starts (a range past midnight must end by 06:00)' }],
  ],
]

describe('validate_config: ids and references', () => {
  it.each(ID_AND_REFERENCE_CASES)('%s', async (_description, change, errors) => {
    expect(await errorsOf(change)).toEqual(errors)
  })
})

describe('validate_config: time zone, currency and closures', () => {
  it.each(IDENTITY_AND_CLOSURE_CASES)('%s', async (_description, change, errors) => {
    expect(await errorsOf(change)).toEqual(errors)
  })
})

describe('validate_config: opening hours', () => {
  it.each(HOURS_CASES)('%s', async (_description, change, errors) => {
    expect(await errorsOf(change)).toEqual(errors)
  })
})
