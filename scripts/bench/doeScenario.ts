import { echoCasesCsv } from './doeCases'
import { summarise, timePortAndSrd } from './doeVsSrd'
import { formatRatio, formatSeconds, tableLines } from './format'
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
    const rows = [
      ['run', 'time', 'floor', 'srd/port'],
      [
        'port in Node',
        formatSeconds(summary.port),
        summary.srd === undefined ? '`srd` not on the PATH' : `srd run ${formatSeconds(summary.srd)}`,
        summary.speedup === undefined ? '–' : formatRatio(summary.speedup),
      ],
    ]
    console.log(tableLines(rows, 'lrrr').join('\n'))
    return { ...times, ...summary }
  },
}
