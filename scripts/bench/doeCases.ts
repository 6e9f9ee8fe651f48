// The DOE Runner benchmark's cases files, and the plugin run headless in Node as the floor to compare with.
import type { PluginContext } from '../../src/core/pluginContract'
import { MemoryWorkspace } from '../../src/core/workspace/memoryWorkspace'
import { DOERunnerPlugin } from '../../public/plugins/doe-runner/plugin.js'

const HEADER = 'case_id,backend,cmd_template,timeout_s,seed'
/** How long each dummy case waits. */
export const DUMMY_SLEEP_SECONDS = 0.1

function casesCsv(count: number, row: (index: number) => string): string {
  return [HEADER, ...Array.from({ length: count }, (_, index) => row(index))].join('\n') + '\n'
}

/** Shell cases that only echo their metrics. */
export function echoCasesCsv(count: number): string {
  return casesCsv(count, (index) => `echo-${index},shell,echo 'p95=0.0${index % 10} p99=0.1 throughput_rps=${500 + index}',10,${index}`)
}

/** Dummy-backend cases, each a sleep of DUMMY_SLEEP_SECONDS and synthetic metrics. */
export function dummyCasesCsv(count: number): string {
  return casesCsv(count, (index) => `dummy-${index},dummy,dummy,10,${1000 + index}`)
}

/** What a run of `count` dummy cases cannot beat: one sleep per wave of `maxWorkers` cases. */
export function dummyFloorSeconds(count: number, maxWorkers: number): number {
  return (count / maxWorkers) * DUMMY_SLEEP_SECONDS
}

function headlessContext(files: Record<string, string>): PluginContext {
  return {
    fs: new MemoryWorkspace(files),
    config: {},
    log: () => {},
    progress: () => {},
    signal: new AbortController().signal,
  }
}

/** Runs `execute_cases` on `cases` in Node, with an in-memory workspace; resolves to the seconds it took. */
export async function timedNodeRun(cases: string, maxWorkers: number): Promise<number> {
  const ctx = headlessContext({ 'cases.csv': cases })
  const started = performance.now()
  const result = await new DOERunnerPlugin().execute_cases({ cases_path: 'cases.csv', max_workers: maxWorkers }, ctx)
  const seconds = (performance.now() - started) / 1000
  // Some dummy seeds fail by design (exit code 3); only a run that did not happen is an error.
  if (!result.stats?.total) throw new Error(`benchmark run did not run: ${JSON.stringify(result)}`)
  return seconds
}
