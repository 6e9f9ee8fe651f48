import { loadavg } from 'node:os'
import { echoCasesCsv } from './doeCases'
import { comparisonLines, summarise, timePortAndSrd } from './doeVsSrd'
import type { Scenario } from './scenario'

const ECHO = { count: 1_000, workers: 8 }
const ROUNDS = 5

/** The DOE Runner port against `srd run` 0.1.0: whole processes, alternating, on the same shell-echo cases. */
export const doeVsSrdScenario: Scenario = {
  name: 'doe-vs-srd',
  async run() {
    // Wall-clock times on a busy machine say more about the machine than about either program.
    const loadBefore = loadavg()[0]
    const times = await timePortAndSrd(echoCasesCsv(ECHO.count), ECHO.workers, ROUNDS)
    const loadAverage = { before: loadBefore, after: loadavg()[0] }
    const summary = summarise(times)
    console.log(`DOE Runner: ${ECHO.count} shell-echo cases, max_workers ${ECHO.workers}, whole processes, median of ${ROUNDS} alternating runs`)
    console.log(`  load average (1 min) ${loadAverage.before.toFixed(1)} before, ${loadAverage.after.toFixed(1)} after`)
    console.log(comparisonLines(summary).join('\n'))
    return { cases: ECHO.count, maxWorkers: ECHO.workers, rounds: ROUNDS, loadAverage, ...summary, runs: times }
  },
}
