// Safe reads from configuration data that may not have the shape the schema asks for.

export function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `value` when it is a list, else an empty list. */
export function listOf(value) {
  return Array.isArray(value) ? value : []
}

/** The value at `segments` below `data`, or undefined when a step is missing. */
export function valueAt(data, segments) {
  let value = data
  for (const segment of segments) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined
    value = value[segment]
  }
  return value
}
