// Follows local `$ref`s ('#/$defs/name') of the restaurant schema.

export function resolveSchema(schema, rootSchema) {
  let resolved = schema
  while (resolved.$ref) {
    const name = resolved.$ref.replace(/^#\/\$defs\//, '')
    resolved = rootSchema.$defs[name]
    if (!resolved) throw new Error(`schema reference ${schema.$ref} names no definition`)
  }
  return resolved
}
