import { describe, expect, it } from 'vitest'
import { isPlainObject } from '../../../src/core/plainObject'

describe('isPlainObject', () => {
  it('is true for what object literals, JSON, YAML and structured clone make', () => {
    expect([{}, { a: 1 }, JSON.parse('{"b":2}'), structuredClone({ c: [] }), Object.create(null)].every(isPlainObject)).toBe(true)
  })

  it('is false for null, arrays, scalars and special objects', () => {
    expect([null, undefined, [], 'x', 1, new Date(), new Map(), new (class Thing {})()].some(isPlainObject)).toBe(false)
  })
})
