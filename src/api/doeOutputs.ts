import { errorMessage } from '../core/errorMessage'
import { newestRunLog, readMetricsCsv, type MetricsTable } from '../core/doe/metricsTable'
import type { CommandResult } from '../core/pluginContract'
import { parseRunArguments } from '../core/runArguments'
import type { WorkspaceFs } from '../core/workspace/types'

/** DOE Runner's default `run_log_dir` (0.1.0): the result does not name the log file, so it is looked up there. */
const DEFAULT_RUN_LOG_DIR = 'docs/run'

export interface DoeOutputs {
  metricsPath?: string
  table?: MetricsTable
  runLogPath?: string
  error?: string
}

/** Reads what an `execute_cases` run wrote to the workspace: its metrics.csv and its newest run log. */
export async function readDoeOutputs(fs: WorkspaceFs, result: CommandResult, argumentsText: string): Promise<DoeOutputs> {
  const metricsPath = typeof result.metrics_path === 'string' ? result.metrics_path : undefined
  if (!metricsPath) return {}
  try {
    const table = (await fs.exists(metricsPath)) ? readMetricsCsv(await fs.readText(metricsPath)) : undefined
    const parsed = parseRunArguments(argumentsText)
    const logDir = (parsed.ok && typeof parsed.kwargs.run_log_dir === 'string' ? parsed.kwargs.run_log_dir : DEFAULT_RUN_LOG_DIR).replace(/\/+$/, '')
    const runLogPath = newestRunLog((await fs.list(logDir)).map((name) => `${logDir}/${name}`))
    return { metricsPath, table, runLogPath }
  } catch (error) {
    return { metricsPath, error: `Could not read the run's outputs: ${errorMessage(error)}` }
  }
}
