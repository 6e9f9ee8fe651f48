import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { configYaml, runCommand, validConfig } from './helpers'

async function summarize(text: string) {
  return runCommand('summarize_config', { config_path: 'r.yaml' }, { files: { 'r.yaml': text } })
}

describe('summarize_config', () => {
  it('gives the figures of a configuration', async () => {
    const { result, ctx } = await summarize(
      configYaml((c) => {
        c.areas.push({ id: 'terrace', name: 'Terrace', outdoor: true })
        c.tables.push({ id: 'X1', area: 'terrace', seats: 6 })
        c.menu.categories.push({ id: 'drinks', name: 'Drinks' }, { id: 'specials', name: 'Specials' })
        c.menu.items.push(
          { id: 'tea', name: 'Tea', category: 'drinks', price: 2.8, vegan: true },
          { id: 'quiche', name: 'Quiche', category: 'mains', price: 9, vegetarian: true, allergens: ['gluten', 'eggs', 'milk'] },
        )
        c.menu.items[0].allergens = ['celery', 'milk']
      }),
    )
    expect(result).toEqual({
      status: 'success',
      name: 'Test Bistro',
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      tables: 3,
      seats: 12,
      areas: [
        { id: 'main', name: 'Main room', tables: 2, seats: 6 },
        { id: 'terrace', name: 'Terrace', tables: 1, seats: 6 },
      ],
      menu_items: 4,
      categories: [
        { id: 'mains', name: 'Mains', items: 3 },
        { id: 'drinks', name: 'Drinks', items: 1 },
        { id: 'specials', name: 'Specials', items: 0 },
      ],
      price_range: { min: 2.8, max: 24, currency: 'EUR' },
      vegetarian_items: 2,
      vegan_items: 1,
      allergens_used: { gluten: 1, eggs: 1, milk: 2, celery: 1 },
      open_days: ['tue', 'fri', 'sat'],
      // tue 3 + 4 h, fri 18:00-02:00 8 h, sat 3 h
      weekly_open_hours: 18,
      closures: 1,
    })
    expect(ctx.logs).toEqual(['Test Bistro: 3 tables, 12 seats, 4 menu items, open 18 h a week'])
  })

  it('counts hours past midnight and up to 24:00, with fractions', async () => {
    const { result } = await summarize(configYaml((c) => (c.hours = { tue: ['00:00-24:00'], sun: ['22:15-01:00'] })))
    expect(result.weekly_open_hours).toBe(26.75)
    expect(result.open_days).toEqual(['tue', 'sun'])
  })

  it('works without the optional sections and with an empty menu', async () => {
    const { restaurant } = validConfig()
    const { result } = await summarize(stringify({ restaurant, hours: {}, menu: { categories: [], items: [] } }))
    expect(result).toMatchObject({
      status: 'success',
      tables: 0,
      seats: 0,
      areas: [],
      menu_items: 0,
      categories: [],
      price_range: null,
      allergens_used: {},
      open_days: [],
      weekly_open_hours: 0,
      closures: 0,
    })
  })

  it('summarizes a configuration with unknown keys, which are only warnings here', async () => {
    const { result } = await summarize(configYaml((c) => (c.restaurant.phone = '123')))
    expect(result.status).toBe('success')
  })

  it('refuses a configuration that does not validate, naming its first error', async () => {
    const { result } = await summarize(
      configYaml((c) => {
        c.menu.items[0].price = -1
        c.tables[0].area = 'nowhere'
      }),
    )
    expect(result).toEqual({
      status: 'error',
      message: expect.stringMatching(
        /^r\.yaml is not a valid restaurant configuration: tables\[0\]\.area \(line \d+\): unknown area "nowhere"; expected one of: main \(and 1 more\); run validate_config to see every error$/,
      ),
    })
  })

  it.each([
    [{}, 'config_path is required'],
    [{ config_path: 'missing.yaml' }, "No such file or directory: 'missing.yaml'"],
  ])('refuses %j', async (kwargs, message) => {
    const { result } = await runCommand('summarize_config', kwargs)
    expect(result).toEqual({ status: 'error', message })
  })
})
