import { describe, expect, it } from 'vitest'
import { csvRow, readCsvDicts, readCsvRecords } from '../../../public/plugins/doe-runner/python/csv.js'

// Expected records produced by Python 3.11: list(csv.reader(io.StringIO(text, newline='')))
const READER_CASES: Array<[name: string, text: string, records: string[][]]> = [
  [
    'CRLF line endings',
    'a,b\r\n1,2\r\n',
    [
      ['a', 'b'],
      ['1', '2'],
    ],
  ],
  ['a quoted CRLF stays in the field', 'a,"b\r\nc",d\n', [['a', 'b\r\nc', 'd']]],
  ['a doubled quote is one quote', '"x""y",z\n', [['x"y', 'z']]],
  ['text after a closing quote joins the field', '"ab"cd,e\n', [['abcd', 'e']]],
  ['a quote inside an unquoted field is kept', 'ab"cd,e\n', [['ab"cd', 'e']]],
  ['blank lines are empty records', '\n\na,b\n', [[], [], ['a', 'b']]],
  ['no final newline', 'a,b', [['a', 'b']]],
  ['an unterminated quote runs to the end', 'a,"b', [['a', 'b']]],
  [
    'a BOM stays in the first field',
    '\ufeffa,b\n1,2\n',
    [
      ['\ufeffa', 'b'],
      ['1', '2'],
    ],
  ],
  ['a lone CR ends a record', 'a\rb\rc', [['a'], ['b'], ['c']]],
  ['a comma alone is two empty fields', ',\n', [['', '']]],
  ['an empty quoted field', 'a,"",b\n', [['a', '', 'b']]],
  ['spaces around quotes are data', ' "a" ,b\n', [[' "a" ', 'b']]],
  ['an embedded LF in quotes', '"a\nb', [['a\nb']]],
  ['an embedded comma in quotes', '"a,b",c\n', [['a,b', 'c']]],
  ['a blank CRLF line', 'a\r\n\r\nb\r\n', [['a'], [], ['b']]],
]

describe('csv reader (Python csv module, excel dialect, newline="")', () => {
  it.each(READER_CASES)('%s', (_name, text, records) => {
    expect([...readCsvRecords(text)]).toEqual(records)
  })

  it('refuses a field over the 131072-character limit, as _csv.Error does', () => {
    expect(() => [...readCsvRecords(`a\n${'x'.repeat(131073)}\n`)]).toThrow('field larger than field limit (131072)')
  })
})

describe('csv.DictReader', () => {
  it('keys rows by the header; a BOM stays part of the first name', () => {
    expect(readCsvDicts('\ufeffcase_id,backend\nt1,shell\n')).toEqual([
      new Map([
        ['\ufeffcase_id', 't1'],
        ['backend', 'shell'],
      ]),
    ])
  })

  it('gives a short row None (null) for its missing cells, a long row its extras under None', () => {
    // Python: [{'a': '1', 'b': None}, {'a': '1', 'b': '2', None: ['3', '4']}]
    expect(readCsvDicts('a,b\n1\n1,2,3,4\n')).toEqual([
      new Map([
        ['a', '1'],
        ['b', null],
      ]),
      new Map<string | null, unknown>([
        ['a', '1'],
        ['b', '2'],
        [null, ['3', '4']],
      ]),
    ])
  })

  it('keeps the last value of a repeated header name, and None when a short row cuts it', () => {
    // Python: [{'a': None, 'b': '2'}, {'a': '3', 'b': '2'}]
    expect(readCsvDicts('a,b,a\n1,2\n1,2,3\n')).toEqual([
      new Map([
        ['a', null],
        ['b', '2'],
      ]),
      new Map([
        ['a', '3'],
        ['b', '2'],
      ]),
    ])
  })

  it('skips blank lines and has no rows for an empty file or a header alone', () => {
    expect(readCsvDicts('a\n\n1\n\n')).toEqual([new Map([['a', '1']])])
    expect(readCsvDicts('')).toEqual([])
    expect(readCsvDicts('a,b\n')).toEqual([])
  })
})

describe('csv writer (QUOTE_MINIMAL, CRLF)', () => {
  it.each([
    [['a', 'b'], 'a,b\r\n'],
    [['with,comma', 'with "quote"', 'line\nbreak', 'cr\rhere', ' spaced '], '"with,comma","with ""quote""","line\nbreak","cr\rhere", spaced \r\n'],
    [['', 'x', ''], ',x,\r\n'],
  ])('%j', (cells, text) => {
    expect(csvRow(cells)).toBe(text)
  })
})
