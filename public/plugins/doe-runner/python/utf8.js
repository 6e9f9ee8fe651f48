// Decoding a file as Python's open(path, encoding='utf-8') does: the BOM stays (as U+FEFF)
// and invalid bytes raise UnicodeDecodeError with Python's message. Python decodes the file in
// 8192-byte chunks, so the reported position counts from the start of the chunk being decoded
// (plus bytes of a character cut off by the previous chunk).
import { PyValueError } from './errors.js'

const CHUNK_SIZE = 8192
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

// The first invalid sequence in bytes[0..length) as CPython's decoder reports it, or null.
// At the end of a chunk that is not the last, a cut-off sequence is not an error (`final`).
function firstError(bytes, final) {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index]
    if (lead < 0x80) {
      index += 1
      continue
    }
    if (lead < 0xc2 || lead > 0xf4) return { start: index, end: index + 1, reason: 'invalid start byte' }
    const length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf
    for (let offset = 1; offset < length; offset++) {
      if (index + offset >= bytes.length) {
        return final ? { start: index, end: bytes.length, reason: 'unexpected end of data' } : { start: index, cutOff: true }
      }
      const byte = bytes[index + offset]
      const [min, max] = offset === 1 ? [low, high] : [0x80, 0xbf]
      if (byte < min || byte > max) return { start: index, end: index + offset, reason: 'invalid continuation byte' }
    }
    index += length
  }
  return null
}

/** @param {ArrayLike<number>} bytes @param {{ start: number, end?: number, reason?: string }} error */
function decodeError(bytes, { start, end, reason }) {
  const where = end - start === 1 ? `byte 0x${bytes[start].toString(16).padStart(2, '0')} in position ${start}` : `bytes in position ${start}-${end - 1}`
  return new PyValueError(`'utf-8' codec can't decode ${where}: ${reason}`)
}

/** The text of a UTF-8 file; throws PyValueError (UnicodeDecodeError) like Python. */
export function decodeUtf8File(bytes) {
  try {
    return strictDecoder.decode(bytes)
  } catch {
    throw locateDecodeError(bytes)
  }
}

// Replays Python's chunked decoding of bytes known to be invalid.
function locateDecodeError(bytes) {
  let carried = []
  for (let offset = 0; ; offset += CHUNK_SIZE) {
    const final = offset + CHUNK_SIZE >= bytes.length
    const chunk = [...carried, ...bytes.subarray(offset, offset + CHUNK_SIZE)]
    const error = firstError(chunk, final)
    if (error && !error.cutOff) return decodeError(chunk, error)
    carried = error ? chunk.slice(error.start) : []
  }
}
