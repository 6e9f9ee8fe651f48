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
