export type PluginMethod = (...args: unknown[]) => unknown

const HOST_METHODS = new Set(['get_info', 'health_check', 'constructor'])

/** Whether `name` may be a command at all: never a host method, never anything of `Object.prototype`. */
function isCommandName(name: string): boolean {
  return !HOST_METHODS.has(name) && !(name in Object.prototype)
}

/**
 * The callable commands of a plugin instance (spec §2): the names in `supported_commands` when it is
 * given, otherwise its own methods and those of its classes; each once, and only names that may be commands.
 */
export function callableCommands(instance: object, supportedCommands: unknown): string[] {
  const names: unknown[] = Array.isArray(supportedCommands) ? supportedCommands : methodNames(instance)
  return [...new Set(names.filter((name): name is string => typeof name === 'string' && isCommandName(name)))]
}

function methodNames(instance: object): string[] {
  const names: string[] = []
  for (let owner: object | null = instance; owner && owner !== Object.prototype; owner = Object.getPrototypeOf(owner)) {
    for (const name of Object.getOwnPropertyNames(owner)) {
      if (typeof Object.getOwnPropertyDescriptor(owner, name)?.value === 'function') names.push(name)
    }
  }
  return names
}

/** Whether `command` may be called on `instance`: listed as callable and an actual function of it. */
export function resolveCommand(instance: object, commands: readonly string[], command: string): PluginMethod | undefined {
  if (!commands.includes(command) || !isCommandName(command)) return undefined
  const method = (instance as Record<string, unknown>)[command]
  return typeof method === 'function' ? (method as PluginMethod) : undefined
}
