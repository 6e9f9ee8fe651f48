export type PluginMethod = (...args: unknown[]) => unknown

const HOST_METHODS = new Set(['get_info', 'health_check', 'constructor'])

/**
 * The callable commands of a plugin instance (spec §2): `supported_commands` when given, otherwise its own
 * methods and those of its classes, never anything from `Object.prototype`.
 */
export function callableCommands(instance: object, supportedCommands: unknown): string[] {
  if (Array.isArray(supportedCommands)) {
    return supportedCommands.filter((name): name is string => typeof name === 'string')
  }
  const names = new Set<string>()
  for (let owner: object | null = instance; owner && owner !== Object.prototype; owner = Object.getPrototypeOf(owner)) {
    for (const name of Object.getOwnPropertyNames(owner)) {
      if (HOST_METHODS.has(name) || names.has(name)) continue
      const descriptor = Object.getOwnPropertyDescriptor(owner, name)
      if (descriptor && typeof descriptor.value === 'function') names.add(name)
    }
  }
  return [...names]
}

/** Whether `command` may be called on `instance`: listed as callable and an actual function of it. */
export function resolveCommand(instance: object, commands: readonly string[], command: string): PluginMethod | undefined {
  if (!commands.includes(command) || HOST_METHODS.has(command)) return undefined
  if (command in Object.prototype) return undefined
  const method = (instance as Record<string, unknown>)[command]
  return typeof method === 'function' ? (method as PluginMethod) : undefined
}
