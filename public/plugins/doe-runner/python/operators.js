// The few Python operators 0.1.0 applies to metric values, which may be any JSON-born
// Python value: float (number), int (bigint), bool, str, list or None.
import { PyTypeError } from './errors.js'
import { pyTypeName } from './repr.js'

const isNumeric = (value) => typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean'

/** Python `value == 0` (True for 0, 0.0 and False). */
export function equalsZero(value) {
  return value === 0 || value === 0n || value === false
}

/** Python `value + 1`. */
export function plusOne(value) {
  if (typeof value === 'number') return value + 1
  if (typeof value === 'bigint') return value + 1n
  if (typeof value === 'boolean') return BigInt(value) + 1n
  throw new PyTypeError(`unsupported operand type(s) for +: '${pyTypeName(value)}' and 'int'`)
}

/** Python `value > threshold` for a float threshold; exact for ints of any size. */
export function greaterThan(value, threshold) {
  if (!isNumeric(value)) {
    throw new PyTypeError(`'>' not supported between instances of '${pyTypeName(value)}' and 'float'`)
  }
  return (typeof value === 'boolean' ? Number(value) : value) > threshold
}

/** Python's truth value of a JSON-born value ([] and {} are false, unlike in JavaScript). */
export function isTruthy(value) {
  if (Array.isArray(value)) return value.length > 0
  if (value instanceof Object) return Object.keys(value).length > 0
  return Boolean(value) || Number.isNaN(value)
}
