// Backslash escapes as dash's echo and printf read them. They produce bytes, so results are
// chunks: text runs (strings) and single bytes (numbers).

const simpleEscapes = { '\\': 0x5c, a: 0x07, b: 0x08, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b }
const isOctalDigit = (char) => char !== undefined && char >= '0' && char <= '7'

/**
 * The escape whose text starts at `text[index]` (just after a backslash), as printf's format
 * string reads it: \\ \a \b \f \n \r \t \v, or 1–3 octal digits. Anything else leaves the
 * backslash as it is and consumes nothing.
 */
export function readEscape(text, index) {
  const char = text[index]
  if (Object.hasOwn(simpleEscapes, char)) return { byte: simpleEscapes[char], length: 1 }
  if (!isOctalDigit(char)) return { byte: 0x5c, length: 0 }
  let value = 0
  let length = 0
  while (length < 3 && isOctalDigit(text[index + length])) {
    value = value * 8 + Number(text[index + length])
    length += 1
  }
  return { byte: value & 0xff, length }
}

/**
 * `text` with echo's (and printf %b's) escapes applied: the format escapes, \0NNN for octal,
 * and \c, which ends all output of the command (`stopped`).
 */
export function expandEchoEscapes(text) {
  const chunks = []
  let index = 0
  for (;;) {
    const backslash = text.indexOf('\\', index)
    const run = text.slice(index, backslash === -1 ? text.length : backslash)
    if (run) chunks.push(run)
    if (backslash === -1) return { chunks, stopped: false }
    let escapeStart = backslash + 1
    if (text[escapeStart] === 'c') return { chunks, stopped: true }
    if (text[escapeStart] === '0' && isOctalDigit(text[escapeStart + 1])) escapeStart += 1
    const { byte, length } = readEscape(text, escapeStart)
    chunks.push(byte)
    index = escapeStart + length
  }
}
