import { describe, expect, test } from 'vitest'
import { jsonSafe, MAX_SHOWN_DEPTH, MAX_SHOWN_STRING } from '../../../src/core/jsonSafe'

describe('jsonSafe', () => {
  test('plain data passes unchanged', () => {
    const data = { status: 'success', n: 1.5, list: [1, 'two', null, true], nested: { a: { b: [] } } }
    expect(jsonSafe(data)).toEqual(data)
  })

  test.each([
    ['a BigInt', 2n ** 70n, '1180591620717411303424'],
    ['NaN', NaN, 'NaN'],
    ['Infinity', -Infinity, '-Infinity'],
    ['undefined', undefined, null],
    ['a symbol', Symbol('s'), 'Symbol(s)'],
    ['a typed array', new Uint8Array(3), '[Uint8Array of 3 bytes]'],
    ['a date', new Date(0), '1970-01-01T00:00:00.000Z'],
    ['a map', new Map([[1, 'one']]), { 1: 'one' }],
    ['a set', new Set(['a']), ['a']],
  ])('%s becomes something JSON can write', (_, value, expected) => {
    expect(jsonSafe(value)).toEqual(expected)
    expect(() => JSON.stringify(jsonSafe(value))).not.toThrow()
  })

  test('cycles are marked, shared branches are kept', () => {
    const shared = { x: 1 }
    const value: Record<string, unknown> = { a: shared, b: shared }
    value.self = value
    expect(jsonSafe(value)).toEqual({ a: { x: 1 }, b: { x: 1 }, self: '[Circular]' })
  })

  test('deep nesting is cut with a note', () => {
    let deep: unknown = 'leaf'
    for (let level = 0; level < 10_000; level++) deep = { deep }
    const text = JSON.stringify(jsonSafe(deep))
    expect(text).toContain(`[nested deeper than ${MAX_SHOWN_DEPTH} levels]`)
    expect(text.split('{').length - 1).toBe(MAX_SHOWN_DEPTH)
  })

  test('huge strings are cut with a note', () => {
    expect(jsonSafe('x'.repeat(MAX_SHOWN_STRING + 5))).toBe(`${'x'.repeat(MAX_SHOWN_STRING)}… [5 more characters]`)
  })

  test('__proto__ and constructor keys stay ordinary keys', () => {
    const safe = jsonSafe(JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}')) as Record<string, unknown>
    expect(Object.keys(safe)).toEqual(['__proto__', 'constructor'])
    expect(Object.getPrototypeOf(safe)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
