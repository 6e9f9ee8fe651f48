import { describe, expect, it } from 'vitest'
import { parseRunArguments } from '../../../src/core/runArguments'

describe('parseRunArguments', () => {
  it.each([
    ['', {}],
    ['   \n', {}],
    ['# only a comment', {}],
    ['who: world', { who: 'world' }],
    ['{"cases_path": "cases.csv", "max_workers": 4}', { cases_path: 'cases.csv', max_workers: 4 }],
    [
      'cases_path: cases.csv\nmax_workers: 4\nforce: true\nratio: 0.5\nnothing: null',
      { cases_path: 'cases.csv', max_workers: 4, force: true, ratio: 0.5, nothing: null },
    ],
    ['nested: {a: [1, 2]}', { nested: { a: [1, 2] } }],
    ['force: yes', { force: true }],
    // PyYAML's booleans, not YAML 1.1's: a lone y or n is a string.
    ['n: 2\ny: n\nquiet: off\nloud: On', { n: 2, y: 'n', quiet: false, loud: true }],
    ['base: &b {x: 1}\ncopy: *b', { base: { x: 1 }, copy: { x: 1 } }],
  ])('%j', (text, kwargs) => {
    expect(parseRunArguments(text)).toEqual({ ok: true, kwargs })
  })

  it.each([
    ['a: [1, 2', 'Invalid arguments at line 1, column 9: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['a: 1\nb: : 2', 'Invalid arguments at line 2, column 4: Nested mappings are not allowed in compact mappings'],
    ['a: 1\na: 2', 'Invalid arguments at line 2, column 1: Map keys must be unique'],
    ['{"a": "x}', 'Invalid arguments at line 1, column 10: Missing closing "quote'],
    ['- 1\n- 2', 'Invalid arguments at line 1, column 1: The top level must be a mapping (key: value lines)'],
    ['just text', 'Invalid arguments at line 1, column 1: The top level must be a mapping (key: value lines)'],
    ['42', 'Invalid arguments at line 1, column 1: The top level must be a mapping (key: value lines)'],
    ['__proto__: {polluted: true}\nb: 2', 'Invalid arguments at line 1, column 1: __proto__: the key "__proto__" is not allowed and was ignored'],
  ])('%j is refused with its position', (text, error) => {
    expect(parseRunArguments(text)).toEqual({ ok: false, error })
  })

  it('refuses a __proto__ key without touching Object.prototype', () => {
    expect(parseRunArguments('__proto__: {polluted: true}').ok).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let level = 1; level <= 8; level++) {
      const previous = String.fromCharCode(96 + level)
      const name = String.fromCharCode(97 + level)
      lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`)
    }
    const parsed = parseRunArguments(lines.join('\n'))
    expect(parsed.ok).toBe(false)
    expect(parsed.ok === false && parsed.error).toMatch(/^Invalid arguments: .*alias/i)
  })
})
