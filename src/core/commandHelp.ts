import { isPlainObject } from './plainObject'
import type { ArgumentHelp, CommandHelp } from './pluginContract'

/** The described commands of a `get_info()` answer, and a note for each description that was ignored. */
export interface CommandHelpReading {
  help: Record<string, CommandHelp>
  notes: string[]
}

/**
 * Reads the optional `commands` of `get_info()` (see the plugin contract in README): each command's
 * description is kept when well formed and ignored with a note otherwise; it never makes a load fail.
 */
export function readCommandHelp(value: unknown, commands: readonly string[]): CommandHelpReading {
  const reading: CommandHelpReading = { help: {}, notes: [] }
  if (value === undefined) return reading
  if (!isPlainObject(value)) {
    reading.notes.push('get_info().commands was ignored: it is not an object')
    return reading
  }
  for (const [name, described] of Object.entries(value)) {
    const problem = commands.includes(name) ? commandProblem(described) : 'not a command of this plugin'
    if (problem) reading.notes.push(`get_info().commands.${name} was ignored: ${problem}`)
    else reading.help[name] = commandHelp(described as Record<string, unknown>)
  }
  return reading
}

function commandProblem(described: unknown): string | undefined {
  if (!isPlainObject(described)) return 'it is not an object'
  if (typeof described.description !== 'string') return 'description is not text'
  if (described.example !== undefined && !isPlainObject(described.example)) return 'example is not an object of arguments'
  if (described.arguments === undefined) return undefined
  if (!isPlainObject(described.arguments)) return 'arguments is not an object'
  for (const [argument, help] of Object.entries(described.arguments)) {
    if (!isPlainObject(help)) return `arguments.${argument} is not an object`
    if (typeof help.description !== 'string') return `arguments.${argument}.description is not text`
    if (help.required !== undefined && typeof help.required !== 'boolean') return `arguments.${argument}.required is not true or false`
  }
  return undefined
}

function commandHelp(described: Record<string, unknown>): CommandHelp {
  const declared = (described.arguments ?? {}) as Record<string, Record<string, unknown>>
  // fromEntries defines own properties: an argument called `__proto__` stays an argument.
  const args = Object.fromEntries(
    Object.entries(declared).map(([name, help]): [string, ArgumentHelp] => [
      name,
      { description: help.description as string, required: help.required === true, ...pick(help, 'default'), ...pick(help, 'example') },
    ]),
  )
  return { description: described.description as string, arguments: args, ...pick(described, 'example') } as CommandHelp
}

function pick(from: Record<string, unknown>, key: string): Record<string, unknown> {
  return from[key] === undefined ? {} : { [key]: from[key] }
}

/** A warning for each argument the command does not declare; none when the command declares no arguments list. */
export function unknownArgumentWarning(command: string, help: CommandHelp | undefined, kwargs: Record<string, unknown>): string | undefined {
  if (!help) return undefined
  const known = Object.keys(help.arguments)
  const unknown = Object.keys(kwargs).filter((name) => !Object.hasOwn(help.arguments, name))
  if (unknown.length === 0) return undefined
  const names = unknown.join(', ')
  const takes = known.length ? `it takes ${known.join(', ')}` : 'it takes no arguments'
  return `${command} does not declare ${unknown.length === 1 ? 'the argument' : 'the arguments'} ${names}: ${takes}`
}
