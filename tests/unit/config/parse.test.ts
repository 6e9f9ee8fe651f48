import { describe, expect, it } from 'vitest'
import { MAX_CONFIG_TEXT_BYTES, parseConfigText } from '../../../src/core/config/parse'
import type { ConfigIssue } from '../../../src/core/config/types'

const BILLION_LAUGHS = [
  'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
  'g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
].join('\n')

interface Case {
  name: string
  text: string
  value: Record<string, unknown> | null
  errors?: ConfigIssue[]
  warnings?: ConfigIssue[]
}

const cases: Case[] = [
  { name: 'a mapping', text: 'discovery:\n  auto_load: false\n', value: { discovery: { auto_load: false } } },
  { name: 'an empty text', text: '', value: {} },
  { name: 'only comments', text: '# nothing set yet\n', value: {} },
  { name: 'an explicit null document', text: '~\n', value: {} },
  {
    name: 'YAML 1.1 booleans, as PyYAML reads them',
    text: 'a: yes\nb: off\n',
    value: { a: true, b: false },
  },
  { name: 'a file that opts into YAML 1.2', text: '%YAML 1.2\n---\na: yes\n', value: { a: 'yes' } },
  {
    name: 'an unclosed flow mapping',
    text: 'plugins:\n  doe_runner: {default_workers: 4\ndiscovery: {}\n',
    value: null,
    errors: [{ message: 'Flow map in block collection must be sufficiently indented and end with a }', line: 3, column: 1 }],
  },
  {
    name: 'a duplicate key',
    text: 'discovery: {}\ndiscovery: {}\n',
    value: null,
    errors: [{ message: 'Map keys must be unique', line: 2, column: 1 }],
  },
  {
    name: 'a tab as indentation',
    text: 'plugins:\n\tdoe_runner: {}\n',
    value: null,
    errors: [{ message: 'Tabs are not allowed as indentation', line: 2, column: 1 }],
  },
  {
    name: 'a compact nested mapping',
    text: 'plugins: doe_runner: {}\n',
    value: null,
    errors: [{ message: 'Nested mappings are not allowed in compact mappings', line: 1, column: 10 }],
  },
  {
    name: 'an alias bomb',
    text: BILLION_LAUGHS,
    value: null,
    errors: [{ message: 'Too many alias expansions (more than 100): the file looks like an alias bomb and was not read' }],
  },
  {
    name: 'an alias without its anchor',
    text: 'plugins: *shared\n',
    value: null,
    errors: [{ message: 'Unknown alias *shared: define the anchor &shared before using it', line: 1, column: 10 }],
  },
  {
    name: 'a few aliases, as used to share settings',
    text: 'base: &base {cache_enabled: false}\nplugins:\n  doe_runner: *base\n  other: *base\n',
    value: { base: { cache_enabled: false }, plugins: { doe_runner: { cache_enabled: false }, other: { cache_enabled: false } } },
  },
  {
    name: 'a __proto__ key at the top',
    text: '__proto__: {polluted: true}\ndiscovery: {}\n',
    value: { discovery: {} },
    errors: [{ message: '__proto__: the key "__proto__" is not allowed and was ignored', line: 1, column: 1 }],
  },
  {
    name: 'constructor and prototype keys deeper down',
    text: 'plugins:\n  doe_runner:\n    constructor: 1\n    "prototype": 2\n    kept: 3\n',
    value: { plugins: { doe_runner: { kept: 3 } } },
    errors: [
      { message: 'plugins.doe_runner.constructor: the key "constructor" is not allowed and was ignored', line: 3, column: 5 },
      { message: 'plugins.doe_runner.prototype: the key "prototype" is not allowed and was ignored', line: 4, column: 5 },
    ],
  },
  {
    name: 'a __proto__ key inside a list',
    text: 'list:\n  - ok\n  - __proto__: {polluted: true}\n',
    value: { list: ['ok', {}] },
    errors: [{ message: 'list[1].__proto__: the key "__proto__" is not allowed and was ignored', line: 3, column: 5 }],
  },
  {
    name: 'a __proto__ key reached through an alias',
    text: 'name: &key __proto__\n*key : {polluted: true}\n',
    value: { name: '__proto__' },
    errors: [{ message: '__proto__: the key "__proto__" is not allowed and was ignored', line: 2, column: 1 }],
  },
  {
    name: 'a __proto__ key in a merged mapping',
    text: 'base: &base {__proto__: {polluted: true}, a: 1}\nplugins:\n  doe_runner: {<<: *base, b: 2}\n',
    value: { base: { a: 1 }, plugins: { doe_runner: { a: 1, b: 2 } } },
    errors: [{ message: 'base.__proto__: the key "__proto__" is not allowed and was ignored', line: 1, column: 14 }],
  },
  {
    name: 'two documents',
    text: 'discovery: {}\n---\nplugins: {}\n',
    value: null,
    errors: [{ message: 'Expected a single YAML document, but another one starts here', line: 2, column: 1 }],
  },
  {
    name: 'a list at the top',
    text: '- doe_runner\n',
    value: null,
    errors: [{ message: 'The top level must be a mapping (key: value lines)', line: 1, column: 1 }],
  },
  {
    name: 'a scalar at the top',
    text: '\n42\n',
    value: null,
    errors: [{ message: 'The top level must be a mapping (key: value lines)', line: 2, column: 1 }],
  },
  {
    name: 'nesting deeper than 100 levels',
    text: 'a:\n  ' + '['.repeat(101) + ']'.repeat(101),
    value: null,
    errors: [{ message: 'The YAML is nested more than 100 levels deep', line: 2, column: 102 }],
  },
  {
    name: 'an unknown tag',
    text: 'a: !python/object 1\n',
    value: { a: '1' },
    warnings: [{ message: 'Unresolved tag: !python/object', line: 1, column: 4 }],
  },
]

describe('parseConfigText', () => {
  it.each(cases)('reads $name', ({ text, value, errors = [], warnings = [] }) => {
    const parsed = parseConfigText(text)
    expect(parsed.value).toEqual(value)
    expect(parsed.errors).toEqual(errors)
    expect(parsed.warnings).toEqual(warnings)
  })

  it('never lets a refused key change a prototype', () => {
    const parsed = parseConfigText('__proto__: {polluted: true}\nx:\n  __proto__: {polluted: true}\n')
    expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype)
    expect(Object.getPrototypeOf(parsed.value!.x)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses a text over the size limit without parsing it', () => {
    const text = `a: "${'x'.repeat(MAX_CONFIG_TEXT_BYTES)}"\n`
    expect(parseConfigText(text).errors).toEqual([{ message: 'The file is too large to read: 256.1 KiB (the limit is 256 KiB)' }])
  })

  it('counts the size in UTF-8 bytes and reads a text right at the limit', () => {
    const filler = 'é'.repeat((MAX_CONFIG_TEXT_BYTES - 'a: ""\n'.length) / 2)
    expect(parseConfigText(`a: "${filler}"\n`).value).toEqual({ a: filler })
    expect(parseConfigText(`a: "${filler}é"\n`).value).toBeNull()
  })

  it('survives 200 000 levels of nesting, which would overflow the stack if composed', () => {
    expect(parseConfigText('['.repeat(200_000)).errors).toEqual([{ message: 'The YAML is nested more than 100 levels deep', line: 1, column: 101 }])
  })

  it('lists at most ten syntax errors and says how many more there are', () => {
    const text = Array.from({ length: 15 }, (_, index) => `k${index}: "open\n`).join('')
    const { errors } = parseConfigText(text)
    expect(errors).toHaveLength(11)
    expect(errors[10]!.message).toMatch(/^…and \d+ more errors$/)
  })

  it('locates keys and list items of the text', () => {
    const parsed = parseConfigText('discovery:\n  plugin_paths:\n    - a.json\n    - 5\n')
    expect(parsed.locate(['discovery', 'plugin_paths'])).toEqual({ line: 2, column: 3 })
    expect(parsed.locate(['discovery', 'plugin_paths', 1])).toEqual({ line: 4, column: 7 })
    expect(parsed.locate(['plugins'])).toBeUndefined()
  })
})
