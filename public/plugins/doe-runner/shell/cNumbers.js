// C's strtod and strtoimax/strtoumax (base 0 or 10) on the start of a text, as the shell's
// printf, sleep and exit read numbers. `rest` is the unconverted remainder; it equals the
// whole text when nothing was converted.

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n
const UINT64_MAX = 2n ** 64n - 1n

const decimalFloat = /^[ \t\n\v\f\r]*([+-]?)(?:(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|(inf(?:inity)?)|(nan(?:\([0-9A-Za-z_]*\))?))/i
const hexFloat = /^[ \t\n\v\f\r]*([+-]?)0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP]([+-]?\d+))?/

function hexFloatValue(digits, binaryExponent) {
  const [integerDigits, fractionDigits = ''] = digits.split('.')
  const mantissa = Number(BigInt(`0x0${integerDigits}${fractionDigits}`))
  return mantissa * 2 ** (Number(binaryExponent ?? 0) - 4 * fractionDigits.length)
}

/** `strtod`: { value, rest, outOfRange } */
export function strtod(text) {
  const hex = hexFloat.exec(text)
  if (hex) {
    const magnitude = hexFloatValue(hex[2], hex[3])
    return {
      value: hex[1] === '-' ? -magnitude : magnitude,
      rest: text.slice(hex[0].length),
      outOfRange: !Number.isFinite(magnitude),
    }
  }
  const match = decimalFloat.exec(text)
  if (!match) return { value: 0, rest: text, outOfRange: false }
  const [whole, sign, digits, exponent, infinity, nan] = match
  const rest = text.slice(whole.length)
  if (nan) return { value: NaN, rest, outOfRange: false }
  const magnitude = infinity ? Infinity : Number(digits + (exponent ?? ''))
  const overflow = !infinity && !Number.isFinite(magnitude)
  const underflow = magnitude === 0 && /[1-9]/.test(digits)
  return { value: sign === '-' ? -magnitude : magnitude, rest, outOfRange: overflow || underflow }
}

/**
 * `strtoimax` (signed) or `strtoumax` (unsigned) with base 0 (0x… hex, 0… octal) or base 10:
 * { value: bigint, rest, outOfRange }; out-of-range values are clamped as C does.
 */
export function strtoint(text, { unsigned = false, base = 0 } = {}) {
  const [prefix, sign] = /^[ \t\n\v\f\r]*([+-]?)/.exec(text)
  let position = prefix.length
  let radixPrefix = ''
  let digitPattern = /^\d*/
  if (base === 0 && /^0[xX][0-9a-fA-F]/.test(text.slice(position))) {
    position += 2
    radixPrefix = '0x'
    digitPattern = /^[0-9a-fA-F]*/
  } else if (base === 0 && text[position] === '0') {
    radixPrefix = '0o'
    digitPattern = /^[0-7]*/
  }
  const digits = digitPattern.exec(text.slice(position))[0]
  if (digits === '') return { value: 0n, rest: text, outOfRange: false }
  const rest = text.slice(position + digits.length)
  const magnitude = BigInt(radixPrefix + digits)
  if (unsigned) {
    if (magnitude > UINT64_MAX) return { value: UINT64_MAX, rest, outOfRange: true }
    return { value: sign === '-' ? BigInt.asUintN(64, -magnitude) : magnitude, rest, outOfRange: false }
  }
  const value = sign === '-' ? -magnitude : magnitude
  if (value > INT64_MAX) return { value: INT64_MAX, rest, outOfRange: true }
  if (value < INT64_MIN) return { value: INT64_MIN, rest, outOfRange: true }
  return { value, rest, outOfRange: false }
}
