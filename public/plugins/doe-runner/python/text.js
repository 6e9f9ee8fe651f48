// Python's notion of whitespace (str.isspace(), str.strip(), the re module's \s).
// JavaScript's \s and trim() differ: they include U+FEFF (so a BOM would vanish) and
// leave out U+001C–U+001F and U+0085.
export const PY_WHITESPACE_CLASS = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'

const leadingWhitespace = new RegExp(`^[${PY_WHITESPACE_CLASS}]+`)
const trailingWhitespace = new RegExp(`[${PY_WHITESPACE_CLASS}]+$`)
const whitespaceChar = new RegExp(`^[${PY_WHITESPACE_CLASS}]$`)

// Every whitespace character is below '!' or above '~'.
const surelyNotWhitespace = (code) => code > 0x20 && code < 0x7f

/** Python `str.strip()` with no argument. */
export function pyStrip(text) {
  if (surelyNotWhitespace(text.charCodeAt(0)) && surelyNotWhitespace(text.charCodeAt(text.length - 1))) return text
  return text.replace(leadingWhitespace, '').replace(trailingWhitespace, '')
}

/** Python `str.isspace()` for a single character. */
export function isPyWhitespaceChar(char) {
  return whitespaceChar.test(char)
}
