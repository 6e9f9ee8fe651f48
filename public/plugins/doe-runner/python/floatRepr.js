// Python's repr() of a float.

/**
 * The shortest digits that round-trip, as JavaScript's Number#toString also produces, laid
 * out the way Python's repr() does: exponent form when the decimal point would sit more than
 * 16 places right or 4 places left of the first digit, else a fixed form that always has a '.'.
 */
export function floatRepr(value) {
  const magnitude = Math.abs(value)
  // Where both languages write the fixed form (JavaScript does from 1e-7 up to 1e21), they write the same digits.
  if (magnitude >= 1e-4 && magnitude < 1e16) return Number.isInteger(value) ? `${value}.0` : String(value)
  if (Number.isNaN(value)) return 'nan'
  if (value === Infinity) return 'inf'
  if (value === -Infinity) return '-inf'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const sign = value < 0 ? '-' : ''
  const { digits, pointPosition } = shortestDigits(magnitude)
  if (pointPosition > 16 || pointPosition < -3) {
    const exponent = pointPosition - 1
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    const exponentDigits = String(Math.abs(exponent)).padStart(2, '0')
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${exponentDigits}`
  }
  if (pointPosition <= 0) return `${sign}0.${'0'.repeat(-pointPosition)}${digits}`
  if (pointPosition >= digits.length) return `${sign}${digits}${'0'.repeat(pointPosition - digits.length)}.0`
  return `${sign}${digits.slice(0, pointPosition)}.${digits.slice(pointPosition)}`
}

/** value = 0.<digits> × 10^pointPosition, digits without leading or trailing zeros. */
function shortestDigits(value) {
  const [coefficient, exponentText = '0'] = String(value).split('e')
  const [integerPart, fractionPart = ''] = coefficient.split('.')
  const allDigits = integerPart + fractionPart
  const leadingZeros = allDigits.length - allDigits.replace(/^0+/, '').length
  return {
    digits: allDigits.slice(leadingZeros).replace(/0+$/, ''),
    pointPosition: integerPart.length + Number(exponentText) - leadingZeros,
  }
}
