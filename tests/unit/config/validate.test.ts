import { describe, expect, it } from 'vitest'
import { validateGlobalConfig, validatePluginSettings, type GlobalConfigOverrides } from '../../../src/core/config/validate'
import type { ConfigMapping } from '../../../src/core/config/types'

interface Case {
  name: string
  value: ConfigMapping
  usable: GlobalConfigOverrides
  errors?: string[]
  warnings?: string[]
}

const cases: Case[] = [
  {
    name: 'a complete, valid file',
    value: {
      plugins: { doe_runner: { default_workers: 8 } },
      discovery: {
        auto_load: false,
        plugin_paths: ['https://example.org/registry.json', 'more/registry.json'],
        trusted_sources: ['https://example.org'],
      },
    },
    usable: {
      plugins: { doe_runner: { default_workers: 8 } },
      discovery: {
        auto_load: false,
        plugin_paths: ['https://example.org/registry.json', 'more/registry.json'],
        trusted_sources: ['https://example.org'],
      },
    },
  },
  { name: 'empty sections (null means not set)', value: { plugins: null, discovery: null }, usable: {} },
  {
    name: 'plugins that is not a mapping',
    value: { plugins: 5, discovery: { auto_load: false } },
    usable: { discovery: { auto_load: false } },
    errors: ['plugins: must be a mapping'],
  },
  {
    name: 'one plugin entry that is not a mapping',
    value: { plugins: { doe_runner: 'fast', restaurant_config: { default_format: 'json' }, hello: null } },
    usable: { plugins: { restaurant_config: { default_format: 'json' } } },
    errors: ['plugins.doe_runner: must be a mapping'],
  },
  {
    name: 'plugin names that need quoting in a path',
    value: { plugins: { 'my.plugin': [] } },
    usable: { plugins: {} },
    errors: ['plugins."my.plugin": must be a mapping'],
  },
  {
    name: 'a bad min_version, keeping the other settings of that plugin',
    value: { plugins: { doe_runner: { min_version: 1.2, default_workers: 2 } } },
    usable: { plugins: { doe_runner: { default_workers: 2 } } },
    errors: ['plugins.doe_runner.min_version: must be a version like 1.2.0 (quoted: "1.2.0")'],
  },
  {
    name: 'discovery that is not a mapping',
    value: { discovery: ['https://example.org'], plugins: { doe_runner: { default_workers: 1 } } },
    usable: { plugins: { doe_runner: { default_workers: 1 } } },
    errors: ['discovery: must be a mapping'],
  },
  {
    name: 'auto_load that is not a boolean',
    value: { discovery: { auto_load: 'maybe', trusted_sources: ['https://example.org'] } },
    usable: { discovery: { trusted_sources: ['https://example.org'] } },
    errors: ['discovery.auto_load: must be true or false'],
  },
  {
    name: 'plugin_paths that is not a list',
    value: { discovery: { plugin_paths: 'https://example.org/registry.json' } },
    usable: { discovery: {} },
    errors: ['discovery.plugin_paths: must be a list of URLs'],
  },
  {
    name: 'bad plugin_paths items, keeping the good ones',
    value: { discovery: { plugin_paths: ['ok.json', 42, 'javascript:alert(1)', '', 'http://[::1', 'https://example.org/r.json'] } },
    usable: { discovery: { plugin_paths: ['ok.json', 'https://example.org/r.json'] } },
    errors: [
      'discovery.plugin_paths[1]: must be a URL string',
      'discovery.plugin_paths[2]: must be an http or https URL',
      'discovery.plugin_paths[3]: must be a URL string',
      'discovery.plugin_paths[4]: must be a URL string',
    ],
  },
  {
    name: 'trusted_sources that is not a list',
    value: { discovery: { trusted_sources: { 'https://example.org': true } } },
    usable: { discovery: {} },
    errors: ['discovery.trusted_sources: must be a list of origins'],
  },
  {
    name: 'bad trusted_sources items, normalising the good ones',
    value: {
      discovery: {
        trusted_sources: [
          'https://example.org/plugins/',
          'HTTPS://Example.ORG/',
          'example.org',
          'https://example.org:443',
          'ftp://example.org',
          'https://user@example.org',
          'https://example.org/?q',
          true,
        ],
      },
    },
    usable: { discovery: { trusted_sources: ['https://example.org', 'https://example.org'] } },
    errors: [
      'discovery.trusted_sources[0]: must be an origin like https://example.org',
      'discovery.trusted_sources[2]: must be an origin like https://example.org',
      'discovery.trusted_sources[4]: must be an origin like https://example.org',
      'discovery.trusted_sources[5]: must be an origin like https://example.org',
      'discovery.trusted_sources[6]: must be an origin like https://example.org',
      'discovery.trusted_sources[7]: must be an origin like https://example.org',
    ],
  },
  {
    name: 'unknown keys',
    value: { plugin: {}, discovery: { autoload: false } },
    usable: { discovery: {} },
    warnings: [
      'plugin: unknown key, ignored (the playground reads plugins and discovery)',
      'discovery.autoload: unknown key, ignored (known keys: auto_load, plugin_paths, trusted_sources)',
    ],
  },
]

describe('validateGlobalConfig', () => {
  it.each(cases)('checks $name', ({ value, usable, errors = [], warnings = [] }) => {
    const validated = validateGlobalConfig(value)
    expect(validated.value).toEqual(usable)
    expect(validated.errors.map((issue) => issue.message)).toEqual(errors)
    expect(validated.warnings.map((issue) => issue.message)).toEqual(warnings)
  })

  it('gives each issue the path of the value, for placing it in the text', () => {
    const { errors } = validateGlobalConfig({ discovery: { plugin_paths: ['ok', 3] } })
    expect(errors.map((issue) => issue.path)).toEqual([['discovery', 'plugin_paths', 1]])
  })
})

describe('validatePluginSettings', () => {
  it.each([
    { minVersion: '1.2.0', kept: true },
    { minVersion: 'v2.0.0-beta.1', kept: true },
    { minVersion: '1.2', kept: false },
    { minVersion: 'latest', kept: false },
    { minVersion: 3, kept: false },
  ])('checks min_version $minVersion', ({ minVersion, kept }) => {
    const validated = validatePluginSettings({ min_version: minVersion, other: 1 })
    expect(validated.value).toEqual(kept ? { min_version: minVersion, other: 1 } : { other: 1 })
    expect(validated.errors.map((issue) => issue.message)).toEqual(kept ? [] : ['min_version: must be a version like 1.2.0 (quoted: "1.2.0")'])
  })

  it('treats an empty min_version as not set', () => {
    expect(validatePluginSettings({ min_version: null })).toEqual({ value: {}, errors: [], warnings: [] })
  })

  it('passes the plugin’s own settings through untouched', () => {
    const settings = { nested: { deep: [1, 2] }, flag: false }
    expect(validatePluginSettings(settings).value).toEqual(settings)
  })
})
