import { describe, expect, it } from 'vitest'
import { dumpPyJson, parsePyJson } from '../../../public/plugins/doe-runner/python/json.js'

describe('json.loads with Python types', () => {
  it('keeps ints (bigint) apart from floats (number), and reads NaN and Infinity', () => {
    const document = parsePyJson('{"a": 1, "b": 1.0, "c": [1E400, NaN, -Infinity, true, null, "x\\u00e9"], "a": 3}')
    expect(document).toEqual(
      new Map<string, unknown>([
        ['a', 3n],
        ['b', 1],
        ['c', [Infinity, NaN, -Infinity, true, null, 'xé']],
      ]),
    )
  })

  it.each(['{"a": 1,}', '{"a" 1}', '[1 2]', '01', '{"a": "\t"}', '{"a": 1} x', '-', '1.', '"\\x"', "{'a': 1}", ''])('refuses %j', (text) => {
    expect(() => parsePyJson(text)).toThrow(expect.objectContaining({ name: 'JSONDecodeError' }))
  })
})

describe('json.dumps(indent=2, ensure_ascii=False)', () => {
  it('writes as Python does', () => {
    const value = new Map<string, unknown>([
      ['a', 3n],
      ['b', 1],
      ['c', [1n, 2.5, 'xé "q"\n', true, null, NaN, -Infinity, Infinity, 1e-5]],
      ['d', new Map()],
      ['e', []],
    ])
    // print(json.dumps({...}, indent=2, ensure_ascii=False)) in Python 3.11
    expect(dumpPyJson(value)).toBe(
      [
        '{',
        '  "a": 3,',
        '  "b": 1.0,',
        '  "c": [',
        '    1,',
        '    2.5,',
        '    "xé \\"q\\"\\n",',
        '    true,',
        '    null,',
        '    NaN,',
        '    -Infinity,',
        '    Infinity,',
        '    1e-05',
        '  ],',
        '  "d": {},',
        '  "e": []',
        '}',
      ].join('\n'),
    )
  })

  it('escapes control characters as \\u00XX', () => {
    expect(dumpPyJson('\x01\x7f\t')).toBe('"\\u0001\x7f\\t"')
  })
})
