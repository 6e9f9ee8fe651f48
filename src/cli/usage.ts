import { parseArgs } from 'node:util'
import { errorMessage } from '../core/errorMessage'

export const USAGE = `Usage: strataregula-playground <command> [options]

Commands:
  list                                 list the plugins of the registries
  health                               check every plugin's health
  execute <plugin> <command>           run one command of a plugin

Options:
  --registry <url-or-path>   a registry manifest (repeatable; default: the bundled registry)
  --config <file>            execute: the command's keyword arguments, YAML or JSON
  --workspace <dir>          execute: the folder ctx.fs reads and writes (default: the current folder)
  --timeout <seconds>        execute: the command's time limit (default: 60)
  --help                     show this text`

export type Invocation =
  | { command: 'list' | 'health'; registries: string[] }
  | { command: 'execute'; registries: string[]; plugin: string; pluginCommand: string; configFile?: string; workspace?: string; timeoutSeconds?: number }
  | { command: 'help' }

export class UsageError extends Error {}

/** Reads the command line; anything it cannot take is a UsageError with the reason. */
export function parseInvocation(argv: string[]): Invocation {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        registry: { type: 'string', multiple: true },
        config: { type: 'string' },
        workspace: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean' },
      },
    })
  } catch (error) {
    throw new UsageError(errorMessage(error))
  }
  const { values, positionals } = parsed
  const [command, ...rest] = positionals
  if (values.help || command === 'help') return { command: 'help' }
  const registries = values.registry ?? []
  switch (command) {
    case 'list':
    case 'health':
      if (rest.length > 0) throw new UsageError(`${command} takes no arguments, got: ${rest.join(' ')}`)
      if (values.config || values.workspace || values.timeout) throw new UsageError(`--config, --workspace and --timeout belong to execute`)
      return { command, registries }
    case 'execute': {
      if (rest.length !== 2) throw new UsageError('execute needs a plugin name and a command: execute <plugin> <command>')
      const invocation: Invocation = { command, registries, plugin: rest[0], pluginCommand: rest[1] }
      if (values.config !== undefined) invocation.configFile = values.config
      if (values.workspace !== undefined) invocation.workspace = values.workspace
      if (values.timeout !== undefined) invocation.timeoutSeconds = timeoutSeconds(values.timeout)
      return invocation
    }
    case undefined:
      throw new UsageError('a command is required: list, health or execute')
    default:
      throw new UsageError(`unknown command "${command}": use list, health or execute`)
  }
}

function timeoutSeconds(text: string): number {
  const seconds = Number(text)
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout must be a positive number of seconds, got "${text}"`)
  return seconds
}
