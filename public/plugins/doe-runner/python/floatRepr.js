// Python's repr() of a float.

/**
 * The shortest digits that round-trip, as JavaScript's Number#toString also produces, laid
 * out the way Python's repr() does: exponent form when the decimal point would sit more than
 * 16 places right or 4 places left of the first digit (below 1e-4 or from 1e16 on), else a
 * fixed form that always has a '.'.
 */
export function floatRepr(value) {
  const magnitude = Math.abs(value)
  // Where both languages write the fixed form (JavaScript does from 1e-7 up to 1e21), they write the same digits.
  if (magnitude >= 1e-4 && magnitude < 1e16) return Number.isInteger(value) ? `${value}.0` : String(value)
  if (Number.isNaN(value)) return 'nan'
  if (value === Infinity) return 'inf'
  if (value === -Infinity) return '-inf'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  // Outside the fixed range Python writes the shortest digits in exponent form with at least two exponent
  // digits; toExponential() finds the same shortest digits.
  const [mantissa, exponent] = value.toExponential().split('e')
  return `${mantissa}e${exponent[0]}${exponent.slice(1).padStart(2, '0')}`
}
