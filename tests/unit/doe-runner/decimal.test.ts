import { describe, expect, it } from 'vitest'
import { formatExponentialParts, formatFixed, pyRound } from '../../../public/plugins/doe-runner/python/decimal.js'
import { floatRepr } from '../../../public/plugins/doe-runner/python/floatRepr.js'

// repr(round(value, ndigits)) in Python 3.11: correctly rounded, ties to even on the binary value.
const ROUNDS: Array<[number, number, string]> = [
  [2.675, 2, '2.67'],
  [0.125, 2, '0.12'],
  [0.375, 2, '0.38'],
  [1.0005, 3, '1.0'],
  [-0.00001, 2, '-0.0'],
  [2.5, 0, '2.0'],
  [0.5, 0, '0.0'],
  [1.5, 0, '2.0'],
  [1e300, 2, '1e+300'],
  [9.99999, 2, '10.0'],
  [123.456, 1, '123.5'],
  [0.0242, 4, '0.0242'],
  [1499.25, 1, '1499.2'],
  [NaN, 2, 'nan'],
  [-Infinity, 1, '-inf'],
]

describe('round(x, n)', () => {
  it.each(ROUNDS)('round(%s, %s) = %s', (value, ndigits, text) => {
    expect(floatRepr(pyRound(value, ndigits))).toBe(text)
  })
})

// '%.<n>f' % value in Python 3.11
const FIXED: Array<[number, number, string]> = [
  [(1 / 16) * 100, 1, '6.2'],
  [0.25, 1, '0.2'],
  [0.35, 1, '0.3'],
  [100, 1, '100.0'],
  [0, 3, '0.000'],
  [-0.0, 1, '-0.0'],
  [0.0004, 3, '0.000'],
  [0.0005, 3, '0.001'],
  [999.96, 1, '1000.0'],
  [(2 / 3) * 100, 1, '66.7'],
  [0.1234567, 3, '0.123'],
  [NaN, 1, 'nan'],
  [Infinity, 1, 'inf'],
]

describe("'%.Nf' formatting", () => {
  it.each(FIXED)('%s with %s digits → %s', (value, digits, text) => {
    expect(formatFixed(value, digits)).toBe(text)
  })
})

describe('exponent formatting (C %e)', () => {
  it.each([
    [12345.678, 2, { mantissa: '1.23', exponent: 4 }],
    [9.999, 2, { mantissa: '1.000', exponent: 1 }],
    [0, 3, { mantissa: '0.000', exponent: 0 }],
    [2.5e-7, 0, { mantissa: '2', exponent: -7 }],
  ])('%s with %s digits', (value, digits, parts) => {
    expect(formatExponentialParts(value, digits)).toEqual(parts)
  })
})
