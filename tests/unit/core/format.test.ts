import { describe, expect, it } from 'vitest'
import { KiB, MiB, countOf, formatCount, formatLimit, formatSize } from '../../../src/core/format'

describe('formatSize', () => {
  it.each([
    [0, undefined, '0 B'],
    [1023, undefined, '1023 B'],
    [1024, undefined, '1.0 KiB'],
    [1536, undefined, '1.5 KiB'],
    [1025, undefined, '1.1 KiB'],
    [12 * MiB, undefined, '12.0 MiB'],
    [10 * MiB + 1, undefined, '10.1 MiB'],
    [3 * 1024 * MiB, undefined, '3.0 GiB'],
    [10 * MiB, 0, '10 MiB'],
  ])('%d bytes (%s digits) → %s', (bytes, digits, expected) => {
    expect(formatSize(bytes, digits)).toBe(expected)
  })
})

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1024, '1,024'],
    [20_001, '20,001'],
    [1_048_576, '1,048,576'],
  ])('%d → %s', (count, expected) => {
    expect(formatCount(count)).toBe(expected)
  })
})

describe('formatLimit', () => {
  it('writes a limit as a round number of its unit', () => {
    expect([formatLimit(256 * KiB), formatLimit(MiB), formatLimit(64 * MiB)]).toEqual(['256 KiB', '1 MiB', '64 MiB'])
  })
})

describe('countOf', () => {
  it.each([
    [0, 'file', undefined, '0 files'],
    [1, 'file', undefined, '1 file'],
    [20_000, 'file', undefined, '20,000 files'],
    [2, 'match', 'matches', '2 matches'],
  ])('%d %s → %s', (count, singular, plural, expected) => {
    expect(countOf(count, singular, plural)).toBe(expected)
  })
})
