import { describe, expect, it } from 'vitest'
import { runCommand, validate, validConfig } from './helpers'

const YAML_WITH_ERRORS = `# line 1
restaurant:
  id: corner
  name: Corner Café
  currency: EUR
hours:
  mon: [10:00-14:00, 13:00-18:00]
menu:
  categories:
    - id: food
      name: Food
  items:
    - id: toast
      name: Toast
      category: food
      price: 4.5
    - id: cake
      name: Cake
      category: food
      price: -3
      allergens:
        - gluten
        - nut
`

describe('validate_config: lines', () => {
  it('gives the line of each error in a YAML file, a missing key on the line of its parent', async () => {
    const result = await validate(YAML_WITH_ERRORS)
    expect(result.errors).toEqual([
      { path: 'restaurant.timezone', message: 'is required', line: 2 },
      { path: 'hours.mon[1]', message: 'overlaps hours.mon[0] "10:00-14:00"', line: 7 },
      { path: 'menu.items[1].price', message: 'must be >= 0', line: 20 },
      expect.objectContaining({ path: 'menu.items[1].allergens[1]', line: 23 }),
    ])
  })

  it('gives lines for JSON input too', async () => {
    const config = validConfig()
    config.menu.items[1].price = -1
    const text = JSON.stringify(config, null, 2)
    const priceLine = text.split('\n').findIndex((line) => line.includes('"price": -1')) + 1
    const result = await validate(text, { path: 'restaurant.json' })
    expect(result.errors).toEqual([{ path: 'menu.items[1].price', message: 'must be >= 0', line: priceLine }])
  })

  it('logs each error with its path and line, then a summary', async () => {
    const { ctx } = await runCommand('validate_config', { config_path: 'r.yaml' }, { files: { 'r.yaml': YAML_WITH_ERRORS } })
    expect(ctx.logs[0]).toBe('error: restaurant.timezone (line 2): is required')
    expect(ctx.logs[2]).toBe('error: menu.items[1].price (line 20): must be >= 0')
    expect(ctx.logs.at(-1)).toBe('r.yaml: not valid, 4 errors, 0 warnings')
  })
})

describe('validate_config: reading the file', () => {
  it.each([
    ['restaurant.json', JSON.stringify(validConfig())],
    ['restaurant.yml', JSON.stringify(validConfig())],
    ['restaurant.conf', `  ${JSON.stringify(validConfig())}`],
    ['restaurant.conf', 'restaurant: {id: a, name: A, timezone: UTC, currency: USD}\nhours: {}\nmenu: {categories: [], items: []}\n'],
  ])('reads %s', async (path, text) => {
    expect((await validate(text, { path })).valid).toBe(true)
  })

  it('ignores a byte-order mark', async () => {
    expect((await validate(`\uFEFF${JSON.stringify(validConfig())}`, { path: 'r.json' })).valid).toBe(true)
  })

  it('reports a YAML syntax error with its line and column', async () => {
    const result = await validate('restaurant:\n  id: a\n  name: [unclosed\nhours: {}\n')
    expect(result).toEqual({
      status: 'error',
      message: expect.stringMatching(/^restaurant\.yaml is not valid YAML: .+ \(line 4, column 1\)$/),
      line: 4,
      column: 1,
    })
  })

  it('reports a key written twice in YAML', async () => {
    const result = await validate('restaurant: {}\nhours: {}\nhours: {}\n')
    expect(result).toMatchObject({ status: 'error', message: expect.stringContaining('(line 3, column 1)'), line: 3, column: 1 })
    expect(result.message).toMatch(/unique/)
  })

  it('reports a JSON syntax error', async () => {
    const result = await validate('{"restaurant": {"id": "a",}}', { path: 'r.json' })
    expect(result).toEqual({ status: 'error', message: expect.stringMatching(/^r\.json is not valid JSON: /) })
  })

  it('reports a missing file with the workspace message', async () => {
    const { result } = await runCommand('validate_config', { config_path: 'missing.yaml' })
    expect(result).toEqual({ status: 'error', message: "No such file or directory: 'missing.yaml'" })
  })

  it.each([
    [{}, 'config_path is required'],
    [{ config_path: '' }, 'config_path is required'],
    [{ config_path: 42 }, 'config_path must be a string'],
  ])('refuses the arguments %j', async (kwargs, message) => {
    const { result } = await runCommand('validate_config', kwargs)
    expect(result).toEqual({ status: 'error', message })
  })
})
