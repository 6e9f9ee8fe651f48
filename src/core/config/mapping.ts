import type { ConfigMapping } from './types'

/** A plain object as YAML mappings become; not a list, date, Map or other special object. */
export function isMapping(value: unknown): value is ConfigMapping {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
}

/**
 * `over` laid on `base` key by key, at every depth where both sides are mappings; any other value
 * (list, scalar) replaces the base value whole. Neither input is changed.
 */
export function overlay(base: ConfigMapping, over: ConfigMapping): ConfigMapping {
  const result: ConfigMapping = { ...base }
  for (const [key, value] of Object.entries(over)) {
    const under = result[key]
    result[key] = isMapping(under) && isMapping(value) ? overlay(under, value) : value
  }
  return result
}
