// Option values arrive as JSON or YAML, where an integral number stands for a Python int.
import { floatRepr } from '../python/floatRepr.js'

/** Python `type(value).__name__` of an option value. */
export function optionTypeName(value) {
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float'
  if (typeof value === 'string') return 'str'
  if (typeof value === 'boolean') return 'bool'
  if (value === null || value === undefined) return 'NoneType'
  return Array.isArray(value) ? 'list' : 'dict'
}

/** Python `str(value)` of a scalar option value. */
export function optionText(value) {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : floatRepr(value)
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (value === null || value === undefined) return 'None'
  return String(value)
}
