// Exact decimal rounding of binary doubles, as Python's round(x, n) and '%.Nf', and C's
// printf %f/%e, do it: on the exact binary value, ties to even. (JavaScript's toFixed rounds
// exact ties away from zero: (6.25).toFixed(1) is '6.3' where Python prints '6.2'.)

const float64 = new DataView(new ArrayBuffer(8))

/** |value| = 0.<digits> × 10^pointPosition exactly, for a finite non-zero value. */
function exactDecimal(value) {
  float64.setFloat64(0, Math.abs(value))
  const bits = float64.getBigUint64(0)
  const biasedExponent = Number(bits >> 52n)
  const fraction = bits & 0xfffffffffffffn
  const mantissa = biasedExponent === 0 ? fraction : fraction | 0x10000000000000n
  const exponent = (biasedExponent === 0 ? 1 : biasedExponent) - 1075
  // mantissa × 2^exponent = mantissa × 5^-exponent / 10^-exponent when exponent < 0
  const scaled = exponent >= 0 ? mantissa << BigInt(exponent) : mantissa * 5n ** BigInt(-exponent)
  const text = scaled.toString()
  return { digits: text.replace(/0+$/, ''), pointPosition: text.length - Math.max(0, -exponent) }
}

/** Keeps the first `keep` digits of 0.<digits> × 10^pointPosition, rounding half to even. */
function roundDigits({ digits, pointPosition }, keep) {
  if (keep < 0) return { digits: '', pointPosition }
  if (digits.length <= keep) return { digits, pointPosition }
  const kept = digits.slice(0, keep)
  const first = digits[keep]
  const restNonZero = digits.length > keep + 1
  const lastKeptOdd = keep > 0 && Number(kept[keep - 1]) % 2 === 1
  const roundUp = first > '5' || (first === '5' && (restNonZero || lastKeptOdd))
  if (!roundUp) return { digits: kept, pointPosition }
  if (keep === 0) return { digits: '1', pointPosition: pointPosition + 1 }
  const incremented = (BigInt(kept) + 1n).toString()
  return incremented.length > keep ? { digits: incremented, pointPosition: pointPosition + 1 } : { digits: incremented.padStart(keep, '0'), pointPosition }
}

function fixedDigits(value, precision) {
  if (value === 0) return { digits: '', pointPosition: 0 }
  const exact = exactDecimal(value)
  return roundDigits(exact, exact.pointPosition + precision)
}

function layoutFixed({ digits, pointPosition }, precision) {
  const integerPart = pointPosition > 0 ? digits.slice(0, pointPosition).padEnd(pointPosition, '0') : '0'
  const fractionDigits = pointPosition >= 0 ? digits.slice(pointPosition) : '0'.repeat(-pointPosition) + digits
  const fraction = fractionDigits.padEnd(precision, '0').slice(0, precision)
  return precision > 0 ? `${integerPart}.${fraction}` : integerPart
}

/** The digits of '%.<precision>f' for a finite value, without the sign. */
export function formatFixedMagnitude(value, precision) {
  return layoutFixed(fixedDigits(value, precision), precision)
}

/** Python '%.<precision>f' % value (also C's printf for finite values). */
export function formatFixed(value, precision) {
  if (Number.isNaN(value)) return 'nan'
  if (!Number.isFinite(value)) return value < 0 ? '-inf' : 'inf'
  const sign = value < 0 || Object.is(value, -0) ? '-' : ''
  return sign + formatFixedMagnitude(value, precision)
}

/**
 * C's '%.<precision>e' for a finite value, without the sign, split into mantissa and exponent
 * (the exponent is the one after rounding, which %g needs).
 */
export function formatExponentialParts(value, precision) {
  if (value === 0) return { mantissa: layoutFixed({ digits: '', pointPosition: 1 }, precision), exponent: 0 }
  const { digits, pointPosition } = roundDigits(exactDecimal(value), precision + 1)
  const padded = digits.padEnd(precision + 1, '0')
  const mantissa = precision > 0 ? `${padded[0]}.${padded.slice(1)}` : padded[0]
  return { mantissa, exponent: pointPosition - 1 }
}

/** Python `round(value, ndigits)` for ndigits ≥ 0: correctly rounded, ties to even. */
export function pyRound(value, ndigits) {
  if (!Number.isFinite(value) || value === 0) return value
  const { digits, pointPosition } = fixedDigits(value, ndigits)
  const magnitude = digits === '' ? 0 : Number(`0.${digits}e${pointPosition}`)
  return value < 0 ? -magnitude : magnitude
}
