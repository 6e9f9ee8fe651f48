import type { CommandResult, HostOutcome } from './pluginContract'
import { isPlainObject } from './plainObject'

/** The host's own outcomes, with the exact messages of spec §2. */
export const outcomes = {
  notSupported: (command: string): HostOutcome => ({ status: 'error', message: `Command ${command} not supported` }),
  executionFailed: (message: string): HostOutcome => ({
    status: 'error',
    message: `Plugin execution failed: ${message}`,
  }),
  invalidResult: (): HostOutcome => ({ status: 'error', message: 'Plugin returned an invalid result' }),
  timedOut: (ms: number): HostOutcome => ({ status: 'error', message: `Plugin execution timed out after ${ms} ms` }),
  cancelled: (): HostOutcome => ({ status: 'error', message: 'Plugin execution cancelled' }),
  resultTooLarge: (size: string, limit: string): HostOutcome => ({ status: 'error', message: `Plugin returned a result of ${size}; the limit is ${limit}` }),
}

export function loadFailureMessage(pluginName: string, reason: string): string {
  return `Failed to load plugin ${pluginName}: ${reason}`
}

/** A command's return value is a result only when it is a plain object with a `status`. */
export function isCommandResult(value: unknown): value is CommandResult {
  return isPlainObject(value) && 'status' in value
}
