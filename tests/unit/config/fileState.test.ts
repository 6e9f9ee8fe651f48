import { describe, expect, it } from 'vitest'
import { DEFAULT_GLOBAL_CONFIG_TEXT, defaultGlobalConfig } from '../../../src/core/config/defaults'
import { defaultPluginConfigText } from '../../../src/core/config/pluginConfigText'
import { readGlobalConfigFile, readPluginConfigFile } from '../../../src/core/config/fileState'
import { parseConfigText } from '../../../src/core/config/parse'

describe('the default config.yaml', () => {
  it('has the text that spec §3 describes, which reads as the default settings without any issue', () => {
    const parsed = parseConfigText(DEFAULT_GLOBAL_CONFIG_TEXT)
    expect(parsed.value).toEqual(defaultGlobalConfig())
    expect(parsed.errors).toEqual([])
    expect(parsed.warnings).toEqual([])
    expect(readGlobalConfigFile(DEFAULT_GLOBAL_CONFIG_TEXT).value).toEqual(defaultGlobalConfig())
  })
})

describe('readGlobalConfigFile', () => {
  it('runs on defaults and offers the default text when nothing is stored', () => {
    expect(readGlobalConfigFile(null)).toEqual({
      key: 'strataregula:config.yaml',
      text: DEFAULT_GLOBAL_CONFIG_TEXT,
      stored: false,
      value: defaultGlobalConfig(),
      errors: [],
      warnings: [],
    })
  })

  it.each([
    { name: 'invalid YAML', text: 'discovery: [\n', line: 2, column: 1 },
    { name: 'a list at the top', text: '- a\n', line: 1, column: 1 },
    { name: 'two documents', text: 'a: 1\n---\nb: 2\n', line: 2, column: 1 },
  ])('runs on defaults for $name and keeps the text as written', ({ text, line, column }) => {
    const state = readGlobalConfigFile(text)
    expect(state.text).toBe(text)
    expect(state.stored).toBe(true)
    expect(state.value).toEqual(defaultGlobalConfig())
    expect(state.errors[0]).toMatchObject({ line, column })
  })

  it('falls back per setting: a bad plugins section keeps the valid discovery one', () => {
    const state = readGlobalConfigFile('plugins: 5\ndiscovery:\n  auto_load: false\n')
    expect(state.value).toEqual({ ...defaultGlobalConfig(), discovery: { auto_load: false, plugin_paths: [], trusted_sources: [] } })
    expect(state.errors).toEqual([{ message: 'plugins: must be a mapping', line: 1, column: 1 }])
  })

  it('places every issue at its line and column', () => {
    const text = ['extra: 1', '__proto__: {}', 'discovery:', '  auto_load: maybe', '  plugin_paths: [ok.json, 3]', ''].join('\n')
    const state = readGlobalConfigFile(text)
    expect(state.errors).toEqual([
      { message: '__proto__: the key "__proto__" is not allowed and was ignored', line: 2, column: 1 },
      { message: 'discovery.auto_load: must be true or false', line: 4, column: 3 },
      { message: 'discovery.plugin_paths[1]: must be a URL string', line: 5, column: 27 },
    ])
    expect(state.warnings).toEqual([{ message: 'extra: unknown key, ignored (the playground reads plugins and discovery)', line: 1, column: 1 }])
    expect(state.value.discovery).toEqual({ auto_load: true, plugin_paths: ['ok.json'], trusted_sources: [] })
  })
})

describe('readPluginConfigFile', () => {
  it('is empty with a commented template when nothing is stored', () => {
    expect(readPluginConfigFile('doe_runner', null)).toEqual({
      key: 'strataregula:doe_runner.yaml',
      text: defaultPluginConfigText('doe_runner'),
      stored: false,
      value: {},
      errors: [],
      warnings: [],
    })
    expect(parseConfigText(defaultPluginConfigText('doe_runner')).value).toEqual({})
  })

  it("offers a commented copy of the plugin's settings from config.yaml, which reads as no settings", () => {
    const inherited = { default_workers: 4, log_level: 'INFO', nested: { a: [1, 2] } }
    const text = readPluginConfigFile('doe_runner', null, inherited).text
    expect(text).toBe(
      [
        '# Settings of the doe_runner plugin, as in ~/.strataregula/doe_runner.yaml.',
        '# Its keys overlay plugins.doe_runner of strataregula:config.yaml, key by key.',
        '# What config.yaml gives it now; uncomment a key to change it here:',
        '# default_workers: 4',
        '# log_level: INFO',
        '# nested:',
        '#   a:',
        '#     - 1',
        '#     - 2',
        '',
      ].join('\n'),
    )
    expect(parseConfigText(text).value).toEqual({})
    expect(defaultPluginConfigText('hello')).toMatch(/# config\.yaml sets nothing for hello yet\.\n$/)
  })

  it('holds the file’s valid settings', () => {
    const state = readPluginConfigFile('doe_runner', 'default_workers: 2\nmin_version: 1.2\n')
    expect(state.value).toEqual({ default_workers: 2 })
    expect(state.errors).toEqual([{ message: 'min_version: must be a version like 1.2.0 (quoted: "1.2.0")', line: 2, column: 1 }])
  })

  it('is empty for a file that cannot be read, whose text is kept', () => {
    const state = readPluginConfigFile('doe_runner', 'workers: [1\n')
    expect(state.value).toEqual({})
    expect(state.text).toBe('workers: [1\n')
    expect(state.errors).toHaveLength(1)
  })
})
