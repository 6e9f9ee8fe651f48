import { describe, expect, it } from 'vitest'
import { previewOf } from '../../../src/core/workspace/preview'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('previewOf', () => {
  it.each([
    [
      'cases.csv',
      utf8('id,x\n1,"a,b"\n'),
      {
        kind: 'csv',
        rows: [
          ['id', 'x'],
          ['1', 'a,b'],
        ],
      },
    ],
    ['doe/CASES.CSV', utf8('id\n1\n'), { kind: 'csv', rows: [['id'], ['1']] }],
    ['restaurant.yaml', utf8('name: Café\n'), { kind: 'text', text: 'name: Café\n' }],
    ['bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), { kind: 'text', text: '\uFEFFa' }],
    ['empty.txt', new Uint8Array(), { kind: 'text', text: '' }],
    ['image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), { kind: 'binary', size: 8 }],
    ['zeros.csv', new Uint8Array([0x61, 0x00, 0x62]), { kind: 'binary', size: 3 }],
    ['latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9]), { kind: 'binary', size: 4 }],
  ])('%s', (path, bytes, expected) => {
    expect(previewOf(path, bytes)).toEqual(expected)
  })
})
