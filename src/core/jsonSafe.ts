/** How deep a value shown to the user may nest; deeper parts are replaced by a note. */
export const MAX_SHOWN_DEPTH = 64
/** How long one string of a shown value may be; longer ones are cut with a note. */
export const MAX_SHOWN_STRING = 100_000

/**
 * A copy of `value` that JSON can always write and the page can always show: what a structured clone lets
 * through but JSON refuses or chokes on (cycles, BigInt, very deep nesting, huge strings, Maps, typed arrays)
 * becomes a readable note. Plain data passes unchanged.
 */
export function jsonSafe(value: unknown): unknown {
  return copy(value, 0, new Set())
}

function copy(value: unknown, depth: number, ancestors: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
      return value.length > MAX_SHOWN_STRING ? `${value.slice(0, MAX_SHOWN_STRING)}… [${value.length - MAX_SHOWN_STRING} more characters]` : value
    case 'number':
      return Number.isFinite(value) ? value : String(value)
    case 'bigint':
      return value.toString()
    case 'boolean':
      return value
    case 'object':
      break
    default:
      return value === undefined ? null : String(value)
  }
  if (value === null) return null
  if (ancestors.has(value)) return '[Circular]'
  if (depth >= MAX_SHOWN_DEPTH) return `[nested deeper than ${MAX_SHOWN_DEPTH} levels]`
  if (ArrayBuffer.isView(value)) return `[${value.constructor.name} of ${value.byteLength} bytes]`
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()
  ancestors.add(value)
  try {
    if (Array.isArray(value) || value instanceof Set) return [...value].map((item) => copy(item, depth + 1, ancestors))
    const entries = value instanceof Map ? [...value.entries()].map(([key, item]) => [String(key), item] as const) : Object.entries(value)
    const result: Record<string, unknown> = {}
    // defineProperty, not assignment: a `__proto__` key stays an ordinary key and never reaches a prototype.
    for (const [key, item] of entries)
      Object.defineProperty(result, key, { value: copy(item, depth + 1, ancestors), enumerable: true, writable: true, configurable: true })
    return result
  } finally {
    ancestors.delete(value)
  }
}
