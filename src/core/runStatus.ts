import { isPlainObject } from './plainObject'
import type { CommandResult } from './pluginContract'

export type RunStatus = 'running' | 'success' | 'failed' | 'cancelled'

/** How a run ended, as the history lists it: a run the user cancelled is `cancelled`, not `failed`. */
export function runStatus(result: CommandResult | undefined, cancelled: boolean): RunStatus {
  if (result === undefined) return 'running'
  if (cancelled) return 'cancelled'
  return result.status === 'success' ? 'success' : 'failed'
}

/**
 * `exit code 3: Execution or configuration error` for a result whose `exit_code` is not 0, with the meaning
 * the plugin gives in `get_info().exit_codes`; undefined for a result without one or with exit code 0.
 */
export function exitCodeNote(result: CommandResult, exitCodes: unknown): string | undefined {
  const code = result.exit_code
  if (typeof code !== 'number' || code === 0) return undefined
  const meaning = isPlainObject(exitCodes) && Object.hasOwn(exitCodes, String(code)) ? exitCodes[String(code)] : undefined
  return typeof meaning === 'string' && meaning !== '' ? `exit code ${code}: ${meaning}` : `exit code ${code}`
}

const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' })
const DAY_AND_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

/** When a run started, in the page's time zone: the time alone for today's runs, with the date for older ones. */
export function formatRunStart(startedAt: number, now: number): string {
  const sameDay = new Date(startedAt).toDateString() === new Date(now).toDateString()
  return (sameDay ? TIME : DAY_AND_TIME).format(startedAt)
}
