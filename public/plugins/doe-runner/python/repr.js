// Python's repr() and str() for the values this plugin handles:
// str (string), float (number), int (bigint), bool (boolean), None (null), list (Array).
import { floatRepr } from './floatRepr.js'

const plainPrintable = /^[\x20-\x7e]*$/
// Python escapes what unicodedata does not call printable: categories C* and Z* except the space.
const notPrintable = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u
const namedEscapes = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

function hexEscape(codePoint) {
  if (codePoint < 0x100) return `\\x${codePoint.toString(16).padStart(2, '0')}`
  if (codePoint < 0x10000) return `\\u${codePoint.toString(16).padStart(4, '0')}`
  return `\\U${codePoint.toString(16).padStart(8, '0')}`
}

/** Python `repr(str)`: single quotes unless the text has a ' and no ". */
export function reprStr(text) {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'"
  if (plainPrintable.test(text) && !text.includes(quote) && !text.includes('\\')) return quote + text + quote
  let body = ''
  for (const char of text) {
    if (char === quote) body += `\\${quote}`
    else if (char in namedEscapes) body += namedEscapes[char]
    else if (char !== ' ' && notPrintable.test(char)) body += hexEscape(char.codePointAt(0))
    else body += char
  }
  return quote + body + quote
}

/** Python `repr(value)`. */
export function pyRepr(value) {
  if (value === null || value === undefined) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value === 'number') return floatRepr(value)
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'string') return reprStr(value)
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`
  throw new TypeError(`no Python repr for ${typeof value}`)
}

/** Python `str(value)`. */
export function pyStr(value) {
  return typeof value === 'string' ? value : pyRepr(value)
}

/** Python `type(value).__name__`. */
export function pyTypeName(value) {
  if (value === null || value === undefined) return 'NoneType'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'number') return 'float'
  if (typeof value === 'bigint') return 'int'
  if (typeof value === 'string') return 'str'
  if (Array.isArray(value)) return 'list'
  return 'dict'
}
