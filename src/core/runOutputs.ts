import { newestRunLog } from './doe/metricsTable'
import type { CommandResult } from './pluginContract'
import { normalizeFilePath } from './workspace/paths'
import type { WorkspaceFs } from './workspace/types'

/** A file a run wrote, read when the run ended. */
export interface CapturedFile {
  path: string
  text: string
}

/** The files a run's results view needs, captured when it ended; `gone` says why they are not kept. */
export interface RunOutputs {
  files: Record<string, CapturedFile>
  error?: string
  gone?: string
}

/** `fs` as a command sees it, noting every file the command writes (and forgetting those it removes). */
export function trackWrites(fs: WorkspaceFs): { fs: WorkspaceFs; written: () => string[] } {
  const written = new Set<string>()
  const note = (path: string, wrote: boolean) => {
    const normalized = safeNormalize(path)
    if (normalized === undefined) return
    if (wrote) written.add(normalized)
    else written.delete(normalized)
  }
  const tracked: WorkspaceFs = {
    readText: (path) => fs.readText(path),
    writeText: (path, text) => fs.writeText(path, text).then(() => note(path, true)),
    readBytes: (path) => fs.readBytes(path),
    writeBytes: (path, bytes) => fs.writeBytes(path, bytes).then(() => note(path, true)),
    exists: (path) => fs.exists(path),
    list: (dir) => fs.list(dir),
    remove: (path) => fs.remove(path).then(() => note(path, false)),
  }
  return { fs: tracked, written: () => [...written].sort() }
}

function safeNormalize(path: string): string | undefined {
  try {
    return normalizeFilePath(path)
  } catch {
    return undefined
  }
}

type OutputSelector = (result: CommandResult, written: readonly string[]) => Record<string, string>

/** DOE Runner's execute_cases: the metrics file named in the result and the run log, when this run wrote them. */
const doeRunOutputs: OutputSelector = (result, written) => {
  const files: Record<string, string> = {}
  const metricsPath = typeof result.metrics_path === 'string' ? safeNormalize(result.metrics_path) : undefined
  if (metricsPath !== undefined && written.includes(metricsPath)) files.metrics = metricsPath
  const runLog = newestRunLog(written)
  if (runLog) files.runLog = runLog
  return files
}

/** The commands whose results view shows files they write, by `plugin.command`. */
const OUTPUT_SELECTORS: Record<string, OutputSelector> = {
  'doe_runner.execute_cases': doeRunOutputs,
}

/**
 * The files (by role, e.g. `metrics`) of what a run wrote that its results view shows; undefined for a
 * command without such a view.
 */
export function outputPathsOf(plugin: string, command: string, result: CommandResult, written: readonly string[]): Record<string, string> | undefined {
  const key = `${plugin}.${command}`
  return Object.hasOwn(OUTPUT_SELECTORS, key) ? OUTPUT_SELECTORS[key](result, written) : undefined
}
