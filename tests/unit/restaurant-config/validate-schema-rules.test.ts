import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { configYaml, validate, validConfig, wrongType, type ConfigData } from './helpers'

type Case = [description: string, change: (config: ConfigData) => void, path: string, message: string]

const SCHEMA_CASES: Case[] = [
  ['a missing required key', (c) => Reflect.deleteProperty(c.restaurant, 'timezone'), 'restaurant.timezone', 'is required'],
  ['a missing section', (c) => Reflect.deleteProperty(c, 'menu'), 'menu', 'is required'],
  ['a negative price', (c) => (c.menu.items[1].price = -1), 'menu.items[1].price', 'must be >= 0'],
  ['a price written as text', (c) => (c.menu.items[0].price = wrongType('6.50')), 'menu.items[0].price', 'must be a number'],
  ['a fractional seat count', (c) => (c.tables[0].seats = 2.5), 'tables[0].seats', 'must be a whole number'],
  ['a table without seats', (c) => (c.tables[1].seats = 0), 'tables[1].seats', 'must be >= 1'],
  [
    'an unknown allergen code',
    (c) => (c.menu.items[0].allergens = ['celery', 'nut']),
    'menu.items[0].allergens[1]',
    'unknown allergen code "nut"; expected one of: gluten, crustaceans, eggs, fish, peanuts, soy, milk, nuts, celery, mustard, sesame, sulphites, lupin, molluscs',
  ],
  ['a repeated allergen', (c) => (c.menu.items[0].allergens = ['milk', 'celery', 'milk']), 'menu.items[0].allergens[2]', 'repeats "milk"'],
  ['a malformed time range', (c) => (c.hours.tue = ['9:00-12:00']), 'hours.tue[0]', 'must be a valid time range HH:MM-HH:MM'],
  ['a range starting at 24:00', (c) => (c.hours.tue = ['24:00-02:00']), 'hours.tue[0]', 'must be a valid time range HH:MM-HH:MM'],
  ['an unknown weekday key', (c) => (c.hours.monday = ['10:00-12:00']), 'hours.monday', 'unknown key; expected one of: mon, tue, wed, thu, fri, sat, sun'],
  ['hours that are not a mapping', (c) => (c.hours = wrongType(['10:00-12:00'])), 'hours', 'must be an object'],
  ['tables that are not a list', (c) => (c.tables = wrongType({ T1: 2 })), 'tables', 'must be a list'],
  ['an impossible date', (c) => (c.closures[0].date = '2026-02-30'), 'closures[0].date', 'must be a valid date YYYY-MM-DD'],
  ['a closure without a date', (c) => (c.closures[0] = { reason: 'Renovation' }), 'closures[0]', 'must have either date, or from and to'],
  [
    'a closure with a date and a range',
    (c) => Object.assign(c.closures[0], { from: '2026-12-24', to: '2026-12-26' }),
    'closures[0]',
    'must have only one of: date, or from and to',
  ],
  ['a closure range without its end', (c) => (c.closures[0] = { from: '2026-12-24' }), 'closures[0].to', 'is required when from is given'],
  ['a lower-case currency', (c) => (c.restaurant.currency = 'eur'), 'restaurant.currency', 'must be a valid ISO 4217 currency code like EUR'],
  ['an empty name', (c) => (c.menu.items[0].name = ''), 'menu.items[0].name', 'must not be empty'],
  ['an id with a space', (c) => (c.tables[0].id = 'table 1'), 'tables[0].id', "must be a valid id (letters, digits, '-' and '_')"],
  ['a flag that is not a boolean', (c) => (c.menu.items[0].vegetarian = wrongType('yes')), 'menu.items[0].vegetarian', 'must be true or false'],
  ['an empty availability day list', (c) => (c.menu.items[0].available = { days: [] }), 'menu.items[0].available.days', 'must not be empty'],
  [
    'an unknown availability day',
    (c) => (c.menu.items[0].available = { days: ['monday'] }),
    'menu.items[0].available.days[0]',
    'unknown weekday "monday"; expected one of: mon, tue, wed, thu, fri, sat, sun',
  ],
  ['a repeated availability day', (c) => (c.menu.items[0].available = { days: ['tue', 'tue'] }), 'menu.items[0].available.days[1]', 'repeats "tue"'],
  ['an invalid email address', (c) => (c.restaurant.contact = { email: 'info.at.example.com' }), 'restaurant.contact.email', 'must be a valid email address'],
  [
    'a website without a scheme',
    (c) => (c.restaurant.contact = { website: 'www.example.com' }),
    'restaurant.contact.website',
    'must be a valid web address starting with http:// or https://',
  ],
  [
    'a country name instead of a code',
    (c) => (c.restaurant.contact = { address: { country: 'Germany' } }),
    'restaurant.contact.address.country',
    'must be a valid ISO 3166-1 country code like DE',
  ],
]

describe('validate_config: schema rules', () => {
  it('accepts a valid configuration', async () => {
    expect(await validate(configYaml())).toEqual({ status: 'success', valid: true, errors: [], warnings: [], strict: true })
  })

  it.each(SCHEMA_CASES)('reports %s', async (_description, change, path, message) => {
    const result = await validate(configYaml(change))
    expect(result.status).toBe('success')
    expect(result.valid).toBe(false)
    expect(result.errors.map(({ path, message }: { path: string; message: string }) => ({ path, message }))).toEqual([{ path, message }])
  })

  it('reports a document that is not a mapping at the top level', async () => {
    const result = await validate('- just\n- a list\n')
    expect(result.errors).toEqual([{ path: '', message: 'must be an object', line: 1 }])
  })

  it('reports an empty file', async () => {
    const result = await validate('')
    expect(result.errors).toEqual([{ path: '', message: 'must be an object' }])
  })

  it('reports every error, not only the first', async () => {
    const result = await validate(
      configYaml((c) => {
        c.menu.items[0].price = -2
        c.tables[1].seats = wrongType('four')
        Reflect.deleteProperty(c.restaurant, 'name')
      }),
    )
    expect(result.errors.map((error: { path: string }) => error.path).sort()).toEqual(['menu.items[0].price', 'restaurant.name', 'tables[1].seats'])
  })
})

describe('validate_config: unknown keys and strictness', () => {
  const withUnknownKeys = configYaml((c) => {
    c.restaurant.phone = '+49 30 1234'
    c.menu.items[0].colour = 'green'
  })
  const unknownKeyIssues = [
    { path: 'restaurant.phone', message: 'unknown key; expected one of: id, name, timezone, currency, contact' },
    {
      path: 'menu.items[0].colour',
      message: 'unknown key; expected one of: id, name, category, price, description, allergens, vegetarian, vegan, spicy, available',
    },
  ]

  it.each([
    ['no strict argument and no config (strict by default)', {}, {}, true],
    ['strict: true', { strict: true }, {}, true],
    ['strict: false', { strict: false }, {}, false],
    ['config validation_strict: false', {}, { validation_strict: false }, false],
    ['config validation_strict: true', {}, { validation_strict: true }, true],
    ['strict: true over config validation_strict: false', { strict: true }, { validation_strict: false }, true],
    ['strict: false over config validation_strict: true', { strict: false }, { validation_strict: true }, false],
  ])('with %s', async (_description, kwargs, config, strict) => {
    const result = await validate(withUnknownKeys, { kwargs, config })
    const issues = [...result.errors, ...result.warnings].map(({ path, message }: { path: string; message: string }) => ({ path, message }))
    expect(issues).toEqual(unknownKeyIssues)
    expect(result.strict).toBe(strict)
    expect(result.valid).toBe(!strict)
    expect(result.errors).toHaveLength(strict ? 2 : 0)
    expect(result.warnings).toHaveLength(strict ? 0 : 2)
  })

  it('takes keys below an unknown key as unknown too, without reporting them one by one', async () => {
    const result = await validate(
      configYaml((c) => (c.delivery = { radius_km: 5, fee: 2 })),
      { kwargs: { strict: false } },
    )
    expect(result.warnings.map((issue: { path: string }) => issue.path)).toEqual(['delivery'])
  })

  it.each([
    [{ strict: 'yes' }, {}, 'strict must be true or false'],
    [{}, { validation_strict: 'no' }, 'config validation_strict must be true or false'],
  ])('refuses a strict setting that is not a boolean (%j, config %j)', async (kwargs, config, message) => {
    expect(await validate(configYaml(), { kwargs, config })).toEqual({ status: 'error', message })
  })

  it('names unknown keys that are not plain words in brackets', async () => {
    const result = await validate(stringify({ ...validConfig(), 'opening hours': 'late' }))
    expect(result.errors.map((issue: { path: string }) => issue.path)).toEqual(['["opening hours"]'])
  })
})
