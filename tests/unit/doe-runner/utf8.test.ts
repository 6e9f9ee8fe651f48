import { describe, expect, it } from 'vitest'
import { decodeUtf8File } from '../../../public/plugins/doe-runner/python/utf8.js'

// open(path, encoding='utf-8', newline='') read line by line in Python 3.11
describe('reading a file as UTF-8', () => {
  it('keeps a BOM as U+FEFF', () => {
    expect(decodeUtf8File(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('\ufeffa')
  })

  it.each([
    [[0x61, 0xff], "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte"],
    [[0x61, 0xc3], "'utf-8' codec can't decode byte 0xc3 in position 1: unexpected end of data"],
    [[0xe2, 0x28, 0xa1], "'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte"],
    [[0xf0, 0x90, 0x80], "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data"],
    [[0xe2, 0x82, 0x28], "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"],
    [[0xed, 0xa0, 0x80], "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"],
    [[0xc0, 0xaf], "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte"],
  ])('%j raises %s', (bytes, message) => {
    expect(() => decodeUtf8File(Uint8Array.from(bytes))).toThrow(message)
  })

  it('counts the position from the start of the 8192-byte chunk being decoded', () => {
    const bytes = new Uint8Array(9000).fill(0x61)
    bytes.set([0xc3, 0xa9], 8191)
    bytes[8500] = 0xff
    expect(() => decodeUtf8File(bytes)).toThrow("'utf-8' codec can't decode byte 0xff in position 309: invalid start byte")
  })
})
