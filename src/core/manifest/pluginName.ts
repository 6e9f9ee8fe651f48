const PLUGIN_NAME = /^[A-Za-z0-9_.-]+$/
// Names that would collide with what every JavaScript object has, wherever plugins are looked up by name.
const RESERVED_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype'])

/** Why `name` cannot name a plugin (spec §1), or undefined when it can. */
export function pluginNameProblem(name: string): string | undefined {
  if (!PLUGIN_NAME.test(name)) return 'plugin name must match [A-Za-z0-9_.-]+'
  if (RESERVED_NAMES.has(name)) return `plugin name "${name}" is reserved`
  return undefined
}
