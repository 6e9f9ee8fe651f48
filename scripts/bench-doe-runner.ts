// Benchmark of the DOE Runner plugin, headless: `npx tsx scripts/bench-doe-runner.ts`.
// Prints each run's time next to its floor. Not a test: nothing here asserts a time.
import type { PluginContext } from '../src/core/pluginContract'
import { MemoryWorkspace } from '../src/core/workspace/memoryWorkspace'
import { DOERunnerPlugin } from '../public/plugins/doe-runner/plugin.js'

const HEADER = 'case_id,backend,cmd_template,timeout_s,seed'
const DUMMY_SLEEP_SECONDS = 0.1

function casesCsv(count: number, row: (index: number) => string): string {
  return [HEADER, ...Array.from({ length: count }, (_, index) => row(index))].join('\n') + '\n'
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

async function timedRun(cases: string, maxWorkers: number): Promise<number> {
  const ctx = headlessContext({ 'cases.csv': cases })
  const started = performance.now()
  const result = await new DOERunnerPlugin().execute_cases({ cases_path: 'cases.csv', max_workers: maxWorkers }, ctx)
  const seconds = (performance.now() - started) / 1000
  // Some dummy seeds fail by design (exit code 3); only a run that did not happen is an error.
  if (!result.stats?.total) throw new Error(`benchmark run did not run: ${JSON.stringify(result)}`)
  return seconds
}

const format = (seconds: number) => `${seconds.toFixed(3)} s`

const echoCount = 1000
const echoWorkers = 8
const echoSeconds = await timedRun(
  casesCsv(echoCount, (index) => `echo-${index},shell,echo 'p95=0.0${index % 10} p99=0.1 throughput_rps=${500 + index}',10,${index}`),
  echoWorkers,
)
const casesPerSecond = echoCount / echoSeconds
console.log(`shell echo: ${echoCount} cases, max_workers ${echoWorkers}: ${format(echoSeconds)}`)
console.log(`  ${Math.round(casesPerSecond)} cases/s; 10,000 cases projected at ${format(10_000 / casesPerSecond)}`)

const dummyCount = 200
const dummyWorkers = 20
const dummySeconds = await timedRun(
  casesCsv(dummyCount, (index) => `dummy-${index},dummy,dummy,10,${1000 + index}`),
  dummyWorkers,
)
const dummyFloor = (dummyCount / dummyWorkers) * DUMMY_SLEEP_SECONDS
console.log(`dummy: ${dummyCount} cases, max_workers ${dummyWorkers}: ${format(dummySeconds)}`)
console.log(`  floor ${format(dummyFloor)} (${dummyCount} / ${dummyWorkers} × ${DUMMY_SLEEP_SECONDS} s); ratio ${(dummySeconds / dummyFloor).toFixed(3)} × floor`)
