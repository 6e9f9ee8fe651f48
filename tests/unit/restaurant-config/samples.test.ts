import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { runCommand } from './helpers'

const publicFile = (path: string) => readFile(new URL(`../../../public/${path}`, import.meta.url), 'utf8')

async function runOnSample<C extends 'validate_config' | 'summarize_config'>(command: C, sample: string, kwargs = {}) {
  const files = { [sample]: await publicFile(`samples/${sample}`) }
  return (await runCommand(command, { config_path: sample, ...kwargs }, { files })).result
}

describe('workspace samples', () => {
  it('lists both samples in the workspace index', async () => {
    const index = JSON.parse(await publicFile('samples/index.json'))
    expect(index.files).toEqual(expect.arrayContaining(['restaurant.yaml', 'restaurant-invalid.yaml']))
  })

  it('restaurant.yaml validates, strictly', async () => {
    expect(await runOnSample('validate_config', 'restaurant.yaml')).toEqual({
      status: 'success',
      valid: true,
      errors: [],
      warnings: [],
      strict: true,
    })
  })

  it('restaurant.yaml summarizes', async () => {
    expect(await runOnSample('summarize_config', 'restaurant.yaml')).toMatchObject({
      status: 'success',
      tables: 10,
      seats: 45,
      menu_items: 11,
      price_range: { min: 2.4, max: 24.5, currency: 'EUR' },
      weekly_open_hours: 56.5,
    })
  })

  it('restaurant-invalid.yaml shows one error of each kind, with its line', async () => {
    const result = await runOnSample('validate_config', 'restaurant-invalid.yaml')
    expect(result.valid).toBe(false)
    expect(result.errors.map(({ path, line }) => `${line} ${path}`)).toEqual([
      '7 restaurant.timezone',
      '8 restaurant.currency',
      '9 restaurant.phone',
      '12 hours.mon[1]',
      '14 hours.sat[0]',
      '15 hours.sun[0]',
      '19 closures[0].to',
      '27 tables[1].id',
      '28 tables[2].area',
      '29 tables[3].seats',
      '43 menu.items[1].price',
      '44 menu.items[1].allergens[1]',
      '47 menu.items[2].category',
    ])
  })

  it('restaurant-invalid.yaml has its unknown key as a warning when not strict', async () => {
    const result = await runOnSample('validate_config', 'restaurant-invalid.yaml', { strict: false })
    expect(result.errors).toHaveLength(12)
    expect(result.warnings.map((warning: { path: string }) => warning.path)).toEqual(['restaurant.phone'])
  })

  it('the plugin README shows the actual result for restaurant-invalid.yaml', async () => {
    const readme = await publicFile('plugins/restaurant-config/README.md')
    const result = await runOnSample('validate_config', 'restaurant-invalid.yaml')
    expect(readme).toContain(JSON.stringify(result, null, 2))
  })

  it('the example in the plugin README validates', async () => {
    const readme = await publicFile('plugins/restaurant-config/README.md')
    const example = /### Example\n\n```yaml\n([\s\S]*?)```/.exec(readme)![1]
    const { result } = await runCommand('validate_config', { config_path: 'example.yaml' }, { files: { 'example.yaml': example } })
    expect(result).toMatchObject({ valid: true, errors: [], warnings: [] })
  })
})
