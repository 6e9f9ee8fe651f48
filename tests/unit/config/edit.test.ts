import { describe, expect, it } from 'vitest'
import { DEFAULT_GLOBAL_CONFIG_TEXT } from '../../../src/core/config/defaults'
import { appendIn, ConfigEditError, setIn } from '../../../src/core/config/edit'
import { parseConfigText } from '../../../src/core/config/parse'

const COMMENTED = `# my settings
plugins:
  # the runner
  doe_runner: {default_workers: 4, cache_enabled: true} # tuned by hand

  restaurant_config:
    default_format: yaml # or json
    validation_strict: true

discovery:
  auto_load: true
`

describe('setIn', () => {
  it('changes only the value, keeping comments, blank lines, key order and flow style', () => {
    expect(setIn(COMMENTED, ['plugins', 'restaurant_config', 'default_format'], 'json')).toBe(
      COMMENTED.replace('default_format: yaml # or json', 'default_format: json # or json'),
    )
  })

  it('keeps a trailing comment, normalising the space before it to one', () => {
    expect(setIn('a: 1    # aligned\nb: 2 # b\n', ['b'], 3)).toBe('a: 1 # aligned\nb: 3 # b\n')
  })

  it('keeps a flow mapping on its line and unpadded', () => {
    const edited = setIn(COMMENTED, ['plugins', 'doe_runner', 'default_workers'], 8)
    expect(edited).toContain('  # the runner\n  doe_runner: {default_workers: 8, cache_enabled: true} # tuned by hand\n')
  })

  it('leaves the default text exactly as it is when setting a value it already has', () => {
    expect(setIn(DEFAULT_GLOBAL_CONFIG_TEXT, ['discovery', 'auto_load'], true)).toBe(DEFAULT_GLOBAL_CONFIG_TEXT)
  })

  it('keeps every comment of the default text through an edit', () => {
    const edited = setIn(DEFAULT_GLOBAL_CONFIG_TEXT, ['discovery', 'auto_load'], false)
    expect(edited).toBe(DEFAULT_GLOBAL_CONFIG_TEXT.replace('auto_load: true', 'auto_load: false'))
  })

  it('adds a new key after the existing ones', () => {
    const edited = setIn(COMMENTED, ['discovery', 'plugin_paths'], ['extra.json'])
    expect(edited.endsWith('discovery:\n  auto_load: true\n  plugin_paths:\n    - extra.json\n')).toBe(true)
  })

  it.each([
    { name: 'an empty text', text: '', edited: 'discovery:\n  auto_load: false\n' },
    { name: 'an empty section', text: 'discovery:\nplugins: {}\n', edited: 'discovery:\n  auto_load: false\nplugins: {}\n' },
    { name: 'a comment-only text', text: '# mine\n', edited: '# mine\n\ndiscovery:\n  auto_load: false\n' },
  ])('creates the missing mappings of $name', ({ text, edited }) => {
    expect(setIn(text, ['discovery', 'auto_load'], false)).toBe(edited)
  })

  it('quotes strings that YAML 1.1 would read as something else', () => {
    const edited = setIn('', ['plugins', 'hello', 'answer'], 'yes')
    expect(edited).toBe('plugins:\n  hello:\n    answer: "yes"\n')
    expect(parseConfigText(edited).value).toEqual({ plugins: { hello: { answer: 'yes' } } })
  })

  it.each([
    {
      name: 'a scalar on the way',
      text: 'plugins: 5\n',
      path: ['plugins', 'hello', 'x'],
      message: 'Cannot set plugins.hello.x: plugins is not a mapping',
    },
    { name: 'a scalar top level', text: '42\n', path: ['plugins'], message: 'Cannot set plugins: the top level is not a mapping' },
    {
      name: 'a text with YAML errors',
      text: 'plugins: [\n',
      path: ['plugins'],
      message: 'Cannot edit the file while it has YAML errors; fix the text first',
    },
    {
      name: 'an unsafe key',
      text: '',
      path: ['plugins', '__proto__', 'x'],
      message: 'Cannot edit plugins.__proto__.x: the key "__proto__" is not allowed',
    },
  ])('refuses to edit through $name', ({ text, path, message }) => {
    expect(() => setIn(text, path, 1)).toThrow(new ConfigEditError(message))
  })
})

describe('appendIn', () => {
  it('adds to a flow list in place', () => {
    const edited = appendIn(DEFAULT_GLOBAL_CONFIG_TEXT, ['discovery', 'trusted_sources'], 'https://example.org')
    expect(edited).toBe(DEFAULT_GLOBAL_CONFIG_TEXT.replace('trusted_sources: []', 'trusted_sources: [https://example.org]'))
    expect(parseConfigText(edited).value).toMatchObject({ discovery: { trusted_sources: ['https://example.org'] } })
  })

  it('adds to a block list, keeping item comments', () => {
    const text = 'discovery:\n  plugin_paths:\n    - a.json # first\n'
    expect(appendIn(text, ['discovery', 'plugin_paths'], 'b.json')).toBe(`${text}    - b.json\n`)
  })

  it.each([
    {
      name: 'missing',
      text: 'discovery: {auto_load: true}\n',
      edited: 'discovery: {auto_load: true, trusted_sources: [https://example.org]}\n',
    },
    { name: 'empty', text: 'discovery:\n  trusted_sources:\n', edited: 'discovery:\n  trusted_sources:\n    - https://example.org\n' },
  ])('creates the list when it is $name', ({ text, edited }) => {
    expect(appendIn(text, ['discovery', 'trusted_sources'], 'https://example.org')).toBe(edited)
  })

  it('refuses to add to something that is not a list', () => {
    expect(() => appendIn('discovery: {trusted_sources: none}\n', ['discovery', 'trusted_sources'], 'x')).toThrow(
      'Cannot add to discovery.trusted_sources: it is not a list',
    )
  })
})
