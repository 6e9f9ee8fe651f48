import { echoCasesCsv } from './doeCases'
import { comparisonLines, summarise, timePortAndSrd } from './doeVsSrd'
import type { Scenario } from './scenario'

const ECHO = { count: 1_000, workers: 8 }
const ROUNDS = 5

/** The DOE Runner port against `srd run` 0.1.0: whole processes, alternating, on the same shell-echo cases. */
export const doeVsSrdScenario: Scenario = {
  name: 'doe-vs-srd',
  async run() {
    const times = await timePortAndSrd(echoCasesCsv(ECHO.count), ECHO.workers, ROUNDS)
    const summary = summarise(times)
    console.log(`DOE Runner: ${ECHO.count} shell-echo cases, max_workers ${ECHO.workers}, whole processes, median of ${ROUNDS} alternating runs`)
    console.log(comparisonLines(summary).join('\n'))
    return { cases: ECHO.count, maxWorkers: ECHO.workers, rounds: ROUNDS, ...summary, runs: times }
  },
}
