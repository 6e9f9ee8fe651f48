import { describe, expect, it } from 'vitest'
import { isPyFloat, parsePyFloat, parsePyInt } from '../../../public/plugins/doe-runner/python/float.js'
import { floatRepr } from '../../../public/plugins/doe-runner/python/floatRepr.js'

// repr(value) in Python 3.11
const REPRS: Array<[number, string]> = [
  [500.0, '500.0'],
  [0.2, '0.2'],
  [1e-5, '1e-05'],
  [1e16, '1e+16'],
  [NaN, 'nan'],
  [Infinity, 'inf'],
  [-Infinity, '-inf'],
  [-0.0, '-0.0'],
  [0.0, '0.0'],
  [0.1 + 0.2, '0.30000000000000004'],
  [1e22, '1e+22'],
  [123456789012345680.0, '1.2345678901234568e+17'],
  [1e15, '1000000000000000.0'],
  [0.0001, '0.0001'],
  [5e-324, '5e-324'],
  [1.7976931348623157e308, '1.7976931348623157e+308'],
  [-1.5e-7, '-1.5e-07'],
  [123456.789, '123456.789'],
  [1.5e16, '1.5e+16'],
  [0.00012, '0.00012'],
  // either side of where the fixed form starts and ends
  [9999999999999998.0, '9999999999999998.0'],
  [9.999999999999999e-5, '9.999999999999999e-05'],
  [0.00010000000000000002, '0.00010000000000000002'],
  [-0.00015, '-0.00015'],
  [1234567890123456.8, '1234567890123456.8'],
  [-9007199254740992.0, '-9007199254740992.0'],
  [4503599627370495.5, '4503599627370495.5'],
  [-42.0, '-42.0'],
  [12345600.0, '12345600.0'],
]

describe('repr(float)', () => {
  it.each(REPRS)('%s → %s', (value, text) => {
    expect(floatRepr(value)).toBe(text)
  })
})

// float(text) and int(text) in Python 3.11: the value's repr, or the ValueError message.
const FLOAT_AND_INT: Array<[text: string, float: string, int: string]> = [
  ['1', '1.0', '1'],
  [' 1 ', '1.0', '1'],
  ['\t1\n', '1.0', '1'],
  ['.5', '0.5', "invalid literal for int() with base 10: '.5'"],
  ['5.', '5.0', "invalid literal for int() with base 10: '5.'"],
  ['1_000', '1000.0', '1000'],
  ['1__000', "could not convert string to float: '1__000'", "invalid literal for int() with base 10: '1__000'"],
  ['_1', "could not convert string to float: '_1'", "invalid literal for int() with base 10: '_1'"],
  ['1_', "could not convert string to float: '1_'", "invalid literal for int() with base 10: '1_'"],
  ['1_.5', "could not convert string to float: '1_.5'", "invalid literal for int() with base 10: '1_.5'"],
  ['1e5', '100000.0', "invalid literal for int() with base 10: '1e5'"],
  ['1E+5', '100000.0', "invalid literal for int() with base 10: '1E+5'"],
  ['1e', "could not convert string to float: '1e'", "invalid literal for int() with base 10: '1e'"],
  ['inf', 'inf', "invalid literal for int() with base 10: 'inf'"],
  ['-inf', '-inf', "invalid literal for int() with base 10: '-inf'"],
  ['iNfInItY', 'inf', "invalid literal for int() with base 10: 'iNfInItY'"],
  ['infinit', "could not convert string to float: 'infinit'", "invalid literal for int() with base 10: 'infinit'"],
  ['nan', 'nan', "invalid literal for int() with base 10: 'nan'"],
  ['-nan', 'nan', "invalid literal for int() with base 10: '-nan'"],
  ['nan(1)', "could not convert string to float: 'nan(1)'", "invalid literal for int() with base 10: 'nan(1)'"],
  ['', "could not convert string to float: ''", "invalid literal for int() with base 10: ''"],
  [' ', "could not convert string to float: ' '", "invalid literal for int() with base 10: ' '"],
  ['0x10', "could not convert string to float: '0x10'", "invalid literal for int() with base 10: '0x10'"],
  ['0b11', "could not convert string to float: '0b11'", "invalid literal for int() with base 10: '0b11'"],
  ['1,5', "could not convert string to float: '1,5'", "invalid literal for int() with base 10: '1,5'"],
  ['١٢', '12.0', '12'],
  ['１２', '12.0', '12'],
  ['\x1c1', "could not convert string to float: '\\x1c1'", "invalid literal for int() with base 10: '\\x1c1'"],
  ['\x851', '1.0', '1'],
  ['\u30001', '1.0', '1'],
  ['\ufeff1', "could not convert string to float: '\\ufeff1'", "invalid literal for int() with base 10: '\\ufeff1'"],
  ['1_0e1_0', '100000000000.0', "invalid literal for int() with base 10: '1_0e1_0'"],
  ['+.5', '0.5', "invalid literal for int() with base 10: '+.5'"],
  ['.', "could not convert string to float: '.'", "invalid literal for int() with base 10: '.'"],
  ['1.2.3', "could not convert string to float: '1.2.3'", "invalid literal for int() with base 10: '1.2.3'"],
  ['1e400', 'inf', "invalid literal for int() with base 10: '1e400'"],
  ['4.9e-325', '0.0', "invalid literal for int() with base 10: '4.9e-325'"],
  ['−1', "could not convert string to float: '−1'", "invalid literal for int() with base 10: '−1'"],
  ['1 2', "could not convert string to float: '1 2'", "invalid literal for int() with base 10: '1 2'"],
  ["it's", 'could not convert string to float: "it\'s"', 'invalid literal for int() with base 10: "it\'s"'],
  ['010', '10.0', '10'],
  ['-0', '-0.0', '0'],
]

function outcome(parse: () => number | bigint): string {
  try {
    const value = parse()
    return typeof value === 'bigint' ? value.toString() : floatRepr(value)
  } catch (error) {
    expect((error as Error).name).toBe('ValueError')
    return (error as Error).message
  }
}

describe('float(text) and int(text)', () => {
  it.each(FLOAT_AND_INT)('%j', (text, float, int) => {
    expect(outcome(() => parsePyFloat(text))).toBe(float)
    expect(isPyFloat(text)).toBe(!float.startsWith('could not'))
    expect(outcome(() => parsePyInt(text))).toBe(int)
  })

  it('reads ints of any size exactly', () => {
    expect(parsePyInt('1099511627781')).toBe(2n ** 40n + 5n)
    expect(parsePyInt('-123456789012345678901234567890')).toBe(-123456789012345678901234567890n)
  })

  it('shows at most 200 characters of the repr in the int() message, as %.200R does', () => {
    const message = outcome(() => parsePyInt('x'.repeat(300)))
    expect(message).toBe(`invalid literal for int() with base 10: '${'x'.repeat(199)}`)
  })
})
