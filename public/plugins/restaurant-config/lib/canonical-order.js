// The canonical key order of a configuration: the schema's property order, then unknown keys alphabetically.

import { restaurantSchema } from '../schema.js'
import { isObject } from './data-access.js'
import { resolveSchema } from './schema-refs.js'

/** A copy of configuration data with the keys of every object in canonical order. */
export function canonicalOrder(data) {
  return reorder(data, restaurantSchema)
}

/** `schema` describes `value`; it is undefined below unknown keys, where every key is unknown. */
function reorder(value, schema) {
  const resolved = schema === undefined ? undefined : resolveSchema(schema, restaurantSchema)
  if (Array.isArray(value)) return value.map((item) => reorder(item, resolved?.items))
  if (!isObject(value)) return value
  const properties = resolved?.properties ?? {}
  const known = Object.keys(properties).filter((key) => Object.hasOwn(value, key))
  const unknown = Object.keys(value)
    .filter((key) => !Object.hasOwn(properties, key))
    .sort()
  return Object.fromEntries([...known, ...unknown].map((key) => [key, reorder(value[key], properties[key])]))
}
