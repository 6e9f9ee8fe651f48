import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { runCommand, validConfig, type ConfigData } from './helpers'

/** A valid configuration written with its keys in an unusual order and two unknown keys. */
function shuffledConfig(): ConfigData {
  const { restaurant, hours, closures, areas, tables, menu } = validConfig()
  return {
    zeta_note: 'kept',
    menu: { items: menu.items.map(({ price, id, ...rest }) => ({ price, ...rest, id })), categories: menu.categories },
    tables,
    alpha_note: { z: 1, a: 2 },
    hours: { sat: hours.sat, tue: hours.tue, fri: hours.fri },
    restaurant: { currency: restaurant.currency, timezone: restaurant.timezone, name: restaurant.name, id: restaurant.id },
    areas,
    closures,
  }
}

async function convert(kwargs: Record<string, unknown>, files: Record<string, string>, config: Record<string, unknown> = {}) {
  const { result, ctx } = await runCommand('convert_config', kwargs, { files, config })
  const output = typeof kwargs.output_path === 'string' && (await ctx.fs.exists(kwargs.output_path)) ? await ctx.fs.readText(kwargs.output_path) : undefined
  return { result, output, ctx }
}

describe('convert_config', () => {
  it('converts YAML to JSON with the canonical key order', async () => {
    const { result, output } = await convert({ input_path: 'in.yaml', output_path: 'out.json', format: 'json' }, { 'in.yaml': stringify(shuffledConfig()) })
    expect(result).toEqual({ status: 'success', output_path: 'out.json', format: 'json' })
    const data = JSON.parse(output!)
    expect(Object.keys(data)).toEqual(['restaurant', 'hours', 'closures', 'areas', 'tables', 'menu', 'alpha_note', 'zeta_note'])
    expect(Object.keys(data.restaurant)).toEqual(['id', 'name', 'timezone', 'currency'])
    expect(Object.keys(data.hours)).toEqual(['tue', 'fri', 'sat'])
    expect(Object.keys(data.menu)).toEqual(['categories', 'items'])
    expect(Object.keys(data.menu.items[0])).toEqual(['id', 'name', 'category', 'price', 'allergens'])
    expect(Object.keys(data.alpha_note)).toEqual(['a', 'z'])
    expect(output).toBe(`${JSON.stringify(data, null, 2)}\n`)
  })

  it('converts JSON to YAML, writing lists of plain values on one line', async () => {
    const { result, output } = await convert({ input_path: 'in.json', output_path: 'out.yaml', format: 'yaml' }, { 'in.json': JSON.stringify(validConfig()) })
    expect(result).toEqual({ status: 'success', output_path: 'out.yaml', format: 'yaml' })
    expect(output).toContain('  tue: [11:30-14:30, 18:00-22:00]\n')
    expect(output).toContain('      allergens: [celery]\n')
    expect(parse(output!)).toEqual(validConfig())
  })

  it('round-trips YAML → JSON → YAML to the same text and data', async () => {
    const files = { 'a.yaml': stringify(shuffledConfig()) }
    const toJson = await convert({ input_path: 'a.yaml', output_path: 'b.json', format: 'json' }, files)
    const back = await convert({ input_path: 'b.json', output_path: 'c.yaml', format: 'yaml' }, { 'b.json': toJson.output! })
    const direct = await convert({ input_path: 'a.yaml', output_path: 'd.yaml', format: 'yaml' }, files)
    expect(back.output).toBe(direct.output)
    expect(parse(back.output!)).toEqual(shuffledConfig())
  })

  it.each([
    ['config default_format json', { default_format: 'json' }, 'out', 'json'],
    ['config default_format yaml', { default_format: 'yaml' }, 'out', 'yaml'],
    ['no format anywhere (yaml)', {}, 'out', 'yaml'],
    ['format in capitals', { default_format: 'JSON' }, 'out.json', 'json'],
  ])('takes the format from %s', async (_description, config, outputPath, format) => {
    const { result, output } = await convert({ input_path: 'in.yaml', output_path: outputPath }, { 'in.yaml': stringify(validConfig()) }, config)
    expect(result).toEqual({ status: 'success', output_path: outputPath, format })
    expect(output!.startsWith('{')).toBe(format === 'json')
  })

  it('lets the format argument win over config default_format', async () => {
    const { result } = await convert(
      { input_path: 'in.yaml', output_path: 'out.yaml', format: 'yaml' },
      { 'in.yaml': stringify(validConfig()) },
      { default_format: 'json' },
    )
    expect(result.format).toBe('yaml')
  })

  it('converts a configuration that does not validate: conversion only needs it to parse', async () => {
    const { result } = await convert({ input_path: 'in.yaml', output_path: 'out.json', format: 'json' }, { 'in.yaml': 'menu: {items: [{price: -1}]}\n' })
    expect(result.status).toBe('success')
  })

  it('logs what it converted', async () => {
    const { ctx } = await convert({ input_path: 'in.yaml', output_path: 'out.json', format: 'json' }, { 'in.yaml': 'a: 1\n' })
    expect(ctx.logs).toEqual(['converted in.yaml (yaml) to out.json (json)'])
  })

  it.each([
    [
      { input_path: 'in.yaml', output_path: 'out.json' },
      {},
      'output_path out.json names a JSON file but the format defaults to yaml; pass format: json or choose a .yaml path',
    ],
    [
      { input_path: 'in.yaml', output_path: 'out.yml' },
      { default_format: 'json' },
      'output_path out.yml names a YAML file but config default_format is json; pass format: yaml or choose a .json path',
    ],
    [
      { input_path: 'in.yaml', output_path: 'out.yaml', format: 'json' },
      {},
      'output_path out.yaml names a YAML file but format is json; pass format: yaml or choose a .json path',
    ],
    [{ input_path: 'in.yaml', output_path: 'out.toml', format: 'toml' }, {}, 'format must be "yaml" or "json"'],
    [{ input_path: 'in.yaml', output_path: 'out' }, { default_format: 'xml' }, 'config default_format must be "yaml" or "json"'],
    [{ input_path: 'in.yaml' }, {}, 'output_path is required'],
    [{ output_path: 'out.yaml' }, {}, 'input_path is required'],
    [{ input_path: 'missing.yaml', output_path: 'out.yaml' }, {}, "No such file or directory: 'missing.yaml'"],
  ])('refuses %j (config %j)', async (kwargs, config, message) => {
    const { result, ctx } = await convert(kwargs, { 'in.yaml': stringify(validConfig()) }, config)
    expect(result).toEqual({ status: 'error', message })
    expect(await ctx.fs.list()).toEqual(['in.yaml'])
  })
})
