import { describe, expect, it } from 'vitest'
import { defaultGlobalConfig } from '../../../src/core/config/defaults'
import { overlay } from '../../../src/core/config/mapping'
import { discoverySettings, effectiveGlobalConfig, minVersionFor, pluginConfig } from '../../../src/core/config/merge'

describe('overlay', () => {
  it.each([
    { name: 'adds and replaces keys', base: { a: 1, b: 2 }, over: { b: 3, c: 4 }, merged: { a: 1, b: 3, c: 4 } },
    {
      name: 'merges nested mappings key by key',
      base: { db: { host: 'h', port: 1 } },
      over: { db: { port: 2 } },
      merged: { db: { host: 'h', port: 2 } },
    },
    { name: 'replaces lists whole', base: { list: [1, 2] }, over: { list: [3] }, merged: { list: [3] } },
    { name: 'lets a scalar replace a mapping', base: { db: { host: 'h' } }, over: { db: 'sqlite' }, merged: { db: 'sqlite' } },
    { name: 'keeps an explicit null', base: { a: 1 }, over: { a: null }, merged: { a: null } },
  ])('$name', ({ base, over, merged }) => {
    const before = structuredClone(base)
    expect(overlay(base, over)).toEqual(merged)
    expect(base).toEqual(before)
  })
})

describe('effectiveGlobalConfig', () => {
  it('is the defaults when the file sets nothing', () => {
    expect(effectiveGlobalConfig({})).toEqual(defaultGlobalConfig())
  })

  it('merges the file over the defaults key by key; missing keys keep their default', () => {
    const effective = effectiveGlobalConfig({
      plugins: { doe_runner: { default_workers: 8 }, hello: { greeting: 'hi' } },
      discovery: { auto_load: false },
    })
    expect(effective).toEqual({
      plugins: {
        doe_runner: { default_workers: 8, cache_enabled: true, log_level: 'INFO' },
        restaurant_config: { default_format: 'yaml', validation_strict: true },
        hello: { greeting: 'hi' },
      },
      discovery: { auto_load: false, plugin_paths: [], trusted_sources: [] },
    })
  })

  it('never shares the defaults between results', () => {
    effectiveGlobalConfig({}).discovery.plugin_paths.push('changed.json')
    expect(effectiveGlobalConfig({}).discovery.plugin_paths).toEqual([])
  })
})

describe('pluginConfig', () => {
  const global = effectiveGlobalConfig({ plugins: { doe_runner: { default_workers: 8, min_version: '1.0.0' } } })

  it.each([
    {
      name: 'plugins.<name> alone without a plugin file',
      plugin: 'doe_runner',
      file: null,
      config: { default_workers: 8, cache_enabled: true, log_level: 'INFO', min_version: '1.0.0' },
    },
    {
      name: 'plugins.<name> overlaid key by key with <name>.yaml',
      plugin: 'doe_runner',
      file: { log_level: 'DEBUG', extra: [1] },
      config: { default_workers: 8, cache_enabled: true, log_level: 'DEBUG', min_version: '1.0.0', extra: [1] },
    },
    {
      name: 'only <name>.yaml for a plugin config.yaml does not mention',
      plugin: 'hello',
      file: { who: 'world' },
      config: { who: 'world' },
    },
    { name: 'an empty mapping for an unknown plugin', plugin: 'hello', file: null, config: {} },
    { name: 'an empty mapping for a name Object.prototype has', plugin: 'constructor', file: null, config: {} },
  ])('is $name', ({ plugin, file, config }) => {
    expect(pluginConfig(global, file, plugin)).toEqual(config)
  })

  it('is a plain object that can be sent to a worker', () => {
    const config = pluginConfig(global, { nested: { a: 1 } }, 'doe_runner')
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype)
    expect(structuredClone(config)).toEqual(config)
  })
})

describe('minVersionFor', () => {
  const global = effectiveGlobalConfig({ plugins: { doe_runner: { min_version: '1.0.0' } } })

  it.each([
    { name: 'plugins.<name>.min_version', plugin: 'doe_runner', file: null, minVersion: '1.0.0' },
    {
      name: 'the plugin file’s min_version, which overlays it',
      plugin: 'doe_runner',
      file: { min_version: '2.0.0' },
      minVersion: '2.0.0',
    },
    { name: 'undefined when neither file sets one', plugin: 'restaurant_config', file: null, minVersion: undefined },
  ])('is $name', ({ plugin, file, minVersion }) => {
    expect(minVersionFor(global, file, plugin)).toBe(minVersion)
  })
})

describe('discoverySettings', () => {
  it('resolves plugin_paths against the page and removes duplicates', () => {
    const global = effectiveGlobalConfig({
      discovery: {
        auto_load: false,
        plugin_paths: ['extra/registry.json', 'https://example.org/registry.json', './extra/registry.json'],
        trusted_sources: ['https://example.org', 'https://example.org'],
      },
    })
    expect(discoverySettings(global, 'https://play.example.net/app/index.html')).toEqual({
      autoLoad: false,
      pluginPaths: ['https://play.example.net/app/extra/registry.json', 'https://example.org/registry.json'],
      trustedSources: ['https://example.org'],
    })
  })
})
