import { describe, expect, it } from 'vitest'
import { pyRepr, pyStr } from '../../../public/plugins/doe-runner/python/repr.js'

// repr(value) in Python 3.11
describe('repr()', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", `"it's"`],
    [`both ' and "`, `'both \\' and "'`],
    ['tab\tnew\nline\rback\\slash', "'tab\\tnew\\nline\\rback\\\\slash'"],
    ['\x00\x1f\x7f\x85\xa0', "'\\x00\\x1f\\x7f\\x85\\xa0'"],
    ['\u200b\u2028\ufeff', "'\\u200b\\u2028\\ufeff'"],
    ['é ñ 日本 😀', "'é ñ 日本 😀'"],
    ['\u{e0001}', "'\\U000e0001'"],
  ])('%j', (text, expected) => {
    expect(pyRepr(text)).toBe(expected)
  })

  it('prints lists, None, booleans, ints and floats as Python does', () => {
    expect(pyRepr([1n, 2.5, 'a', true, null, [false, 1e16]])).toBe("[1, 2.5, 'a', True, None, [False, 1e+16]]")
    expect(pyRepr(["Row 3: backend must be one of ['shell']"])).toBe(`["Row 3: backend must be one of ['shell']"]`)
  })

  it('str() leaves text as it is', () => {
    expect(pyStr('a\nb')).toBe('a\nb')
    expect(pyStr(500)).toBe('500.0')
    expect(pyStr(7n)).toBe('7')
  })
})
