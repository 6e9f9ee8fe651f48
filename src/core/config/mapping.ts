import { isPlainObject } from '../plainObject'
import type { ConfigMapping } from './types'

/**
 * `over` laid on `base` key by key, at every depth where both sides are mappings; any other value
 * (list, scalar) replaces the base value whole. Neither input is changed.
 */
export function overlay(base: ConfigMapping, over: ConfigMapping): ConfigMapping {
  const result: ConfigMapping = { ...base }
  for (const [key, value] of Object.entries(over)) {
    const under = result[key]
    result[key] = isPlainObject(under) && isPlainObject(value) ? overlay(under, value) : value
  }
  return result
}
