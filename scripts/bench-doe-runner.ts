// Benchmark of the DOE Runner plugin, headless: `npx tsx scripts/bench-doe-runner.ts`.
// Prints each run's time next to its floor, and the port against `srd run` (0.1.0) when `srd` is on the PATH.
// Not a test: nothing here asserts a time.
import { DUMMY_SLEEP_SECONDS, dummyCasesCsv, dummyFloorSeconds, echoCasesCsv, timedNodeRun } from './bench/doeCases'
import { comparisonLines, summarise, timePortAndSrd } from './bench/doeVsSrd'
import { formatSeconds as format } from './bench/format'

const echoCount = 1000
const echoWorkers = 8
const processRounds = 5

const processes = summarise(await timePortAndSrd(echoCasesCsv(echoCount), echoWorkers, processRounds))
console.log(`shell echo: ${echoCount} cases, max_workers ${echoWorkers}, whole processes, median of ${processRounds} alternating runs`)
console.log(comparisonLines(processes).join('\n'))

const echoSeconds = await timedNodeRun(echoCasesCsv(echoCount), echoWorkers)
const casesPerSecond = echoCount / echoSeconds
console.log(`shell echo in this process: ${echoCount} cases, max_workers ${echoWorkers}: ${format(echoSeconds)}`)
console.log(`  ${Math.round(casesPerSecond)} cases/s; 10,000 cases projected at ${format(10_000 / casesPerSecond)}`)

const dummyCount = 200
const dummyWorkers = 20
const dummySeconds = await timedNodeRun(dummyCasesCsv(dummyCount), dummyWorkers)
const dummyFloor = dummyFloorSeconds(dummyCount, dummyWorkers)
console.log(`dummy: ${dummyCount} cases, max_workers ${dummyWorkers}: ${format(dummySeconds)}`)
console.log(
  `  floor ${format(dummyFloor)} (${dummyCount} / ${dummyWorkers} × ${DUMMY_SLEEP_SECONDS} s); ratio ${(dummySeconds / dummyFloor).toFixed(3)} × floor`,
)
