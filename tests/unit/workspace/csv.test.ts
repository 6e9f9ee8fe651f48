import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../../src/core/csv'

describe('parseCsv', () => {
  it.each([
    ['', []],
    ['a', [['a']]],
    [
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\r1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,,c\n,,\n',
      [
        ['a', '', 'c'],
        ['', '', ''],
      ],
    ],
    ['a\n\nb\n', [['a'], [''], ['b']]],
    ['"x, y",z', [['x, y', 'z']]],
    ['"say ""hi""",2', [['say "hi"', '2']]],
    ['"line 1\nline 2",end\n', [['line 1\nline 2', 'end']]],
    ['"a\r\nb"', [['a\r\nb']]],
    ['""', [['']]],
    ['"",""\n', [['', '']]],
    ['a"b,c', [['a"b', 'c']]],
    ['"unterminated,x', [['unterminated,x']]],
    [
      '\uFEFFid,name\n1,Ann\n',
      [
        ['id', 'name'],
        ['1', 'Ann'],
      ],
    ],
    ['é,日本\n', [['é', '日本']]],
  ])('%j', (text, expected) => {
    expect(parseCsv(text)).toEqual(expected)
  })
})
