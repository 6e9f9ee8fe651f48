// A command's stdout or stderr. Commands write text, and sometimes single bytes (octal
// escapes, %c, byte-counted %.Ns) that need not form UTF-8; reading the stream back decodes it
// strictly, as Python's subprocess.run(text=True) does, so a stray byte makes reading throw.

const encoder = new TextEncoder()
const strictDecoder = new TextDecoder('utf-8', { fatal: true })

/** Text runs and single bytes (numbers), in output order. */
export function chunksToBytes(chunks) {
  return chunks.flatMap((chunk) => (typeof chunk === 'number' ? [chunk] : [...encoder.encode(chunk)]))
}

export class OutputStream {
  #chunks = []
  #hasBytes = false

  /** Writes a text run, or a single byte given as a number. */
  write(chunk) {
    if (typeof chunk === 'number' && chunk >= 0x80) this.#hasBytes = true
    this.#chunks.push(typeof chunk === 'number' && chunk < 0x80 ? String.fromCharCode(chunk) : chunk)
  }

  writeAll(chunks) {
    for (const chunk of chunks) this.write(chunk)
  }

  /** The stream as text; throws a TypeError when its bytes are not valid UTF-8. */
  text() {
    if (!this.#hasBytes) return this.#chunks.join('')
    return strictDecoder.decode(Uint8Array.from(chunksToBytes(this.#chunks)))
  }
}
