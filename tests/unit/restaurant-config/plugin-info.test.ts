import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { RestaurantConfigPlugin } from '../../../public/plugins/restaurant-config/plugin.js'
import { readCommandHelp } from '../../../src/core/commandHelp'
import { runCommand } from './helpers'

const COMMANDS = ['validate_config', 'convert_config', 'summarize_config', 'check_open', 'get_schema']

describe('restaurant_config get_info', () => {
  it('describes the plugin with its five commands', () => {
    const info = new RestaurantConfigPlugin().get_info()
    expect(info).toMatchObject({ name: 'restaurant_config', version: '0.1.0', author: 'Strataregula Playground' })
    expect(info.description).toMatch(/playground's own design/)
    expect(info.supported_commands).toEqual(COMMANDS)
  })

  it('describes every command, in a form the playground accepts', () => {
    const info = new RestaurantConfigPlugin().get_info()
    expect(Object.keys(info.commands)).toEqual(COMMANDS)
    expect(readCommandHelp(info.commands, COMMANDS)).toEqual({ help: info.commands, notes: [] })
  })

  it.each(COMMANDS)('has a method for %s', (command) => {
    expect(typeof (new RestaurantConfigPlugin() as unknown as Record<string, unknown>)[command]).toBe('function')
  })
})

describe('restaurant_config get_schema', () => {
  it('returns the JSON Schema (draft 2020-12) that is published as schema.json', async () => {
    const { result } = await runCommand('get_schema', {})
    const published = JSON.parse(await readFile(new URL('../../../public/plugins/restaurant-config/schema.json', import.meta.url), 'utf8'))
    expect(result.status).toBe('success')
    expect(result.schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    // When this fails, schema.js changed: run `node scripts/write-restaurant-schema.mjs`.
    expect(result.schema).toEqual(published)
  })

  it('returns a copy that callers cannot change for the next call', async () => {
    const first = (await runCommand('get_schema', {})).result
    first.schema.required.push('changed')
    const second = (await runCommand('get_schema', {})).result
    expect(second.schema.required).toEqual(['restaurant', 'hours', 'menu'])
  })

  it('lists the 14 EU allergen codes', async () => {
    const { result } = await runCommand('get_schema', {})
    expect(result.schema.$defs.allergen.enum).toEqual([
      'gluten',
      'crustaceans',
      'eggs',
      'fish',
      'peanuts',
      'soy',
      'milk',
      'nuts',
      'celery',
      'mustard',
      'sesame',
      'sulphites',
      'lupin',
      'molluscs',
    ])
  })
})
