// Python's float() and int() applied to text.
import { PyValueError } from './errors.js'
import { reprStr } from './repr.js'
import { isPyWhitespaceChar } from './text.js'

const decimalDigit = /\p{Nd}/u

// Python first maps non-ASCII whitespace to ' ' and non-ASCII decimal digits (Arabic-Indic,
// full-width, ...) to ASCII; anything else non-ASCII makes the text invalid (null here).
function toAsciiNumeral(text) {
  if (/^[\x00-\x7f]*$/.test(text)) return text
  let ascii = ''
  for (const char of text) {
    const codePoint = char.codePointAt(0)
    if (codePoint < 0x80) ascii += char
    else if (isPyWhitespaceChar(char)) ascii += ' '
    else if (decimalDigit.test(char)) ascii += String(decimalDigitValue(codePoint))
    else return null
  }
  return ascii
}

// Unicode encodes every decimal digit set as a contiguous run 0..9, so the value is the
// distance from the start of the run of digits, modulo 10.
function decimalDigitValue(codePoint) {
  let start = codePoint
  while (decimalDigit.test(String.fromCodePoint(start - 1))) start -= 1
  return (codePoint - start) % 10
}

// Underscores are allowed only between two digits ("1_000", "1e1_0").
function withoutUnderscores(text) {
  if (!text.includes('_')) return text
  return /^[^_]*(?:(?<=\d)_(?=\d)[^_]*)*$/.test(text) ? text.replaceAll('_', '') : null
}

// Text of ASCII digits, signs, points and exponents needs none of the steps below.
const plainNumeral = /^[0-9.eE+-]*$/

// Only the ASCII whitespace characters are stripped after the mapping above.
function numeralBody(text) {
  if (plainNumeral.test(text)) return text
  const ascii = toAsciiNumeral(text)
  if (ascii === null) return null
  return withoutUnderscores(ascii.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, ''))
}

const floatSyntax = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i

/** Python `float(text)`; throws PyValueError with Python's message. */
export function parsePyFloat(text) {
  const body = numeralBody(text)
  if (body === null || !floatSyntax.test(body)) {
    throw new PyValueError(`could not convert string to float: ${reprStr(text)}`)
  }
  const unsigned = body.replace(/^[+-]/, '').toLowerCase()
  const negative = body.startsWith('-')
  if (unsigned === 'nan') return NaN
  if (unsigned.startsWith('inf')) return negative ? -Infinity : Infinity
  return Number(body)
}

/** Python `float(text)` as a predicate: the validator's "numeric". */
export function isPyFloat(text) {
  const body = numeralBody(text)
  return body !== null && floatSyntax.test(body)
}

/** Python `int(text)` (base 10) as a bigint; throws PyValueError with Python's message. */
export function parsePyInt(text) {
  const body = numeralBody(text)
  if (body === null || !/^[+-]?\d+$/.test(body)) {
    // Python's message shows at most 200 characters of the repr (%.200R).
    throw new PyValueError(`invalid literal for int() with base 10: ${[...reprStr(text)].slice(0, 200).join('')}`)
  }
  return BigInt(body)
}
