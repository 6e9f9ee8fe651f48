import { isPlainObject } from './plainObject'
import { formatSize, KiB } from './format'
import { linesToDrop } from './logTail'
import type { CommandResult } from './pluginContract'
import type { RunOutputs } from './runOutputs'

/** One call of a command from the Execute panel, as the history keeps it. */
export interface RunRecord {
  id: number
  plugin: string
  command: string
  argumentsText: string
  timeLimitMs: number
  /** Wall-clock time the run started (ms since the epoch). */
  startedAt: number
  durationMs?: number
  result?: CommandResult
  /** The user pressed Cancel while it ran. */
  cancelled: boolean
  /** `exit code 3: …` for a result with an exit code other than 0. */
  exitNote?: string
  log: string[]
  /** Log lines dropped from the front to keep the page (and the stored history) light. */
  droppedLogLines: number
  progress?: { done: number; total: number; label?: string }
  outputs?: RunOutputs
  /** Says what of the result was not kept across a reload. */
  resultNote?: string
}

export const MAX_KEPT_RUNS = 20
export const MAX_KEPT_LOG_LINES = 500
export const MAX_KEPT_LOG_CHARS = 64 * KiB
export const MAX_KEPT_RESULT_CHARS = 32 * 1024
export const MAX_KEPT_OUTPUT_CHARS = 256 * 1024
/** The whole stored history stays well within a browser's 5 MB of localStorage per origin. */
export const MAX_HISTORY_CHARS = 1024 * 1024

/**
 * The finished runs as stored text, newest first and bounded: at most {@link MAX_KEPT_RUNS} runs, the last
 * lines of each log (at most {@link MAX_KEPT_LOG_CHARS} characters), a large result cut to its status and message, large outputs left out (and said so),
 * and older runs' outputs dropped first while the whole is too large.
 */
export function historyForStorage(runs: readonly RunRecord[]): string {
  const kept = runs
    .filter((run) => run.result !== undefined)
    .slice(0, MAX_KEPT_RUNS)
    .map(boundedRun)
  let text = JSON.stringify(kept)
  for (let index = kept.length - 1; text.length > MAX_HISTORY_CHARS && index >= 0; index--) {
    if (kept[index].outputs) kept[index] = { ...kept[index], outputs: goneOutputs(kept[index].outputs) }
    text = JSON.stringify(kept)
  }
  while (text.length > MAX_HISTORY_CHARS && kept.length > 0) {
    kept.pop()
    text = JSON.stringify(kept)
  }
  return text
}

function boundedRun(run: RunRecord): RunRecord {
  const bounded: RunRecord = { ...run, progress: run.progress && { ...run.progress } }
  const excess = linesToDrop(run.log, MAX_KEPT_LOG_LINES, MAX_KEPT_LOG_CHARS)
  if (excess > 0) Object.assign(bounded, { log: run.log.slice(excess), droppedLogLines: run.droppedLogLines + excess })
  const resultChars = JSON.stringify(run.result).length
  if (resultChars > MAX_KEPT_RESULT_CHARS && run.result) {
    const { status, message, exit_code } = run.result
    bounded.result = { status, ...(message === undefined ? {} : { message }), ...(exit_code === undefined ? {} : { exit_code }) }
    bounded.resultNote = `The result was ${formatSize(resultChars)}: only its status, message and exit code were kept.`
  }
  if (run.outputs && JSON.stringify(run.outputs).length > MAX_KEPT_OUTPUT_CHARS) bounded.outputs = goneOutputs(run.outputs)
  return bounded
}

function goneOutputs(outputs: RunOutputs | undefined): RunOutputs {
  const size = formatSize(JSON.stringify(outputs).length)
  return { files: {}, gone: `The files this run wrote are gone: at ${size} they were too large to keep in the run history.` }
}

/** The runs of a stored history; anything that is not a run is left out, unreadable text gives none. */
export function historyFromStorage(text: string | null): RunRecord[] {
  if (text === null) return []
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return []
  }
  return Array.isArray(value) ? value.filter(isStoredRun) : []
}

function isStoredRun(value: unknown): value is RunRecord {
  if (!isPlainObject(value)) return false
  const { id, plugin, command, argumentsText, timeLimitMs, startedAt, result, cancelled, log, droppedLogLines } = value
  return (
    Number.isSafeInteger(id) &&
    [plugin, command, argumentsText].every((field) => typeof field === 'string') &&
    [timeLimitMs, startedAt, droppedLogLines].every((field) => typeof field === 'number') &&
    isPlainObject(result) &&
    typeof result.status === 'string' &&
    typeof cancelled === 'boolean' &&
    Array.isArray(log) &&
    log.every((line) => typeof line === 'string') &&
    (value.outputs === undefined || (isPlainObject(value.outputs) && isPlainObject(value.outputs.files)))
  )
}
