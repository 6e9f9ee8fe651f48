import type { CommandResult } from '../../../public/types/strataregula-plugin'
import { DOERunnerPlugin } from '../../../public/plugins/doe-runner/plugin.js'
import { csvRow, readCsvRecords } from '../../../public/plugins/doe-runner/python/csv.js'
import { createTestContext, type TestContext } from '../../support/context'

/** A command result as the plugin returns it: its own fields are read as `unknown`, but for those typed by command below. */
export type Result = CommandResult

type ResultOf<C extends CommandName> = C extends 'execute_cases'
  ? CommandResult & { exit_code: number; stats: Record<string, number> }
  : C extends 'get_adapters'
    ? CommandResult & { adapters: Record<string, { available: boolean; description: string; reason?: string }> }
    : Result

export type CommandName = 'execute_cases' | 'validate_cases' | 'get_cache_status' | 'clear_cache' | 'get_adapters'

/** Runs one command on a fresh plugin; pass `ctx` to keep a workspace between runs. */
export async function runCommand<C extends CommandName>(
  command: C,
  kwargs: Record<string, unknown>,
  options: { files?: Record<string, string>; config?: Record<string, unknown>; ctx?: TestContext } = {},
): Promise<{ result: ResultOf<C>; ctx: TestContext }> {
  const ctx = options.ctx ?? createTestContext(options)
  const result: CommandResult = await new DOERunnerPlugin()[command](kwargs, ctx)
  return { result: result as ResultOf<C>, ctx }
}

/** `execute_cases` on a cases file given as text (at `cases.csv`). */
export function executeCases(casesCsv: string, kwargs: Record<string, unknown> = {}, options: { config?: Record<string, unknown>; ctx?: TestContext } = {}) {
  return runCommand('execute_cases', { cases_path: 'cases.csv', ...kwargs }, { files: { 'cases.csv': casesCsv }, ...options })
}

/** A cases file: the header line and rows joined with '\n'. */
export function csvText(header: string, ...rows: string[]): string {
  return [header, ...rows].join('\n') + '\n'
}

/** The cases of the spec's metrics example: two seeded dummy cases and a shell case. */
export const SPEC_CASES = csvText(
  'case_id,backend,cmd_template,timeout_s,seed,retries,resource_group,expected_p95,threshold_p95',
  'test-01,dummy,dummy simulation,10,42,1,default,0.05,0.06',
  `test-02,shell,echo 'p95=0.08 p99=0.12 throughput_rps=500',10,123,1,default,0.08,0.10`,
  'test-03,dummy,dummy simulation,10,0,1,default,,',
)

/** The metrics.csv `srd run` 0.1.0 writes for SPEC_CASES, its clock columns masked as maskMetrics does. */
export const SPEC_METRICS =
  'case_id,cpu_util,errors,latency_p50,mem_peak_mb,p95,p99,param_expected_p95,param_resource_group,param_retries,param_seed,' +
  'param_threshold_p95,param_timeout_s,queue_depth_p95,run_seconds,status,throughput_rps,ts_end,ts_start\r\n' +
  'test-01,,0,0.0171,63.4,0.0242,0.0328,0.05,default,1,42,0.06,10,,<run_seconds>,OK,1499.3,<ts_end>,<ts_start>\r\n' +
  'test-02,,0,,,0.08,0.12,0.08,default,1,123,0.10,10,,<run_seconds>,OK,500.0,<ts_end>,<ts_start>\r\n' +
  'test-03,43.4,0,0.1715,458.7,0.2634,0.3479,,default,1,0,,10,3.54,<run_seconds>,OK,1071.4,<ts_end>,<ts_start>\r\n'

/** Timestamps and run times vary from run to run; tests compare text with them masked. */
export function maskClock(text: string): string {
  return text
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?(\+09:00)?/g, (_, _micros, jst) => (jst ? '<jst>' : '<ts>'))
    .replace(/\d+:\d\d:\d\d(\.\d{6})?/g, '<duration>')
}

/** The one run log a run wrote, or undefined. */
export async function runLog(ctx: TestContext, dir = 'docs/run'): Promise<{ path: string; text: string } | undefined> {
  const [name, ...others] = await ctx.fs.list(dir)
  if (name === undefined) return undefined
  if (others.length > 0) throw new Error(`more than one run log: ${[name, ...others].join(', ')}`)
  const path = `${dir}/${name}`
  return { path, text: await ctx.fs.readText(path) }
}

/** metrics.csv with the clock-dependent cells (run_seconds, ts_start, ts_end) replaced by their names. */
export function maskMetrics(text: string): string {
  const [header, ...rows] = [...readCsvRecords(text)] as string[][]
  const clockColumns = new Set(['run_seconds', 'ts_start', 'ts_end'])
  const masked = rows.map((row) => row.map((cell, index) => (clockColumns.has(header[index]) && cell !== '' ? `<${header[index]}>` : cell)))
  return [header, ...masked].map((row) => csvRow(row)).join('')
}

/** The rows of metrics.csv as objects keyed by column. */
export async function metricsRows(ctx: TestContext, path = 'metrics.csv'): Promise<Array<Record<string, string>>> {
  const [header, ...rows] = [...readCsvRecords(await ctx.fs.readText(path))] as string[][]
  return rows.map((row) => Object.fromEntries(header.map((column, index) => [column, row[index]])))
}
