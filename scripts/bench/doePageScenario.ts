import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { launchChromium } from './chromium'
import { echoCasesCsv, timedNodeRun } from './doeCases'
import { runThroughPage, type PageRun, type PageRunPlan } from './doeThroughPage'
import { formatMs, formatRatio, formatSeconds, median, tableLines } from './format'
import type { Scenario } from './scenario'

const ECHO = { count: 1_000, workers: 8 }
const ROUNDS = 3
const NODE_ONCE = fileURLToPath(new URL('./doeNodeOnce.ts', import.meta.url))

/**
 * The run in a Node process of its own: a sandbox worker is fresh too, so both compile the plugin as they run it
 * (in a process that already ran it, the run takes half the time).
 */
async function freshNodeSeconds(): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', NODE_ONCE, String(ECHO.count), String(ECHO.workers)])
  return Number(stdout.trim())
}

/** One round: the run in Node, then through the page (each in a fresh browser context). */
interface Round {
  /** In a fresh process: the floor. */
  nodeSeconds: number
  /** In this process, which has run the plugin before (from the second round on). */
  nodeWarmSeconds: number
  /** The plugin's sandbox started before Run, as the plugin is imported before the Node run. */
  warm: PageRun
  /** The same, with the Health and Execute tabs clicked during the run and after. */
  warmClicking: PageRun
  /** The first run of the page: Run also starts the sandbox and loads the plugin. */
  cold: PageRun
}

/** DOE Runner through the Execute panel against the same run in Node, alternating, with the page's longest tasks. */
export const doePageScenario: Scenario = {
  name: 'doe-page',
  async run(context) {
    const app = await context.app()
    const cases = echoCasesCsv(ECHO.count)
    const plan = (warm: boolean, clickTabs: boolean): PageRunPlan => ({
      fileName: 'bench-echo.csv',
      cases,
      caseCount: ECHO.count,
      maxWorkers: ECHO.workers,
      warm,
      clickTabs,
    })
    const rounds: Round[] = []
    const browser = await launchChromium()
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const nodeSeconds = await freshNodeSeconds()
        const nodeWarmSeconds = await timedNodeRun(cases, ECHO.workers)
        const warm = await runThroughPage(browser, app.url, plan(true, false))
        const warmClicking = await runThroughPage(browser, app.url, plan(true, true))
        const cold = await runThroughPage(browser, app.url, plan(false, false))
        rounds.push({ nodeSeconds, nodeWarmSeconds, warm, warmClicking, cold })
      }
    } finally {
      await browser.close()
    }
    const figures = summarise(rounds)
    print(figures)
    return { cases: ECHO.count, maxWorkers: ECHO.workers, ...figures, rounds }
  },
}

const longest = (values: number[]) => (values.length ? Math.max(...values) : 0)

function summarise(rounds: Round[]) {
  const seconds = (pick: (round: Round) => number) => median(rounds.map(pick))
  return {
    nodeSeconds: seconds((round) => round.nodeSeconds),
    nodeWarmSeconds: seconds((round) => round.nodeWarmSeconds),
    warmSeconds: seconds((round) => round.warm.seconds),
    warmCallSeconds: seconds((round) => round.warm.callSeconds),
    coldSeconds: seconds((round) => round.cold.seconds),
    /** Per round, the page's time over the Node time of that round. */
    warmRatio: seconds((round) => round.warm.seconds / round.nodeSeconds),
    coldRatio: seconds((round) => round.cold.seconds / round.nodeSeconds),
    longestTaskWhileRunningMs: longest(rounds.flatMap((round) => [round.warm, round.warmClicking, round.cold].flatMap((run) => run.duringCall.longTasks))),
    longestTaskAfterMs: longest(rounds.flatMap((round) => [round.warm, round.warmClicking, round.cold].flatMap((run) => run.afterCall.longTasks))),
    tasksOver50Ms: rounds.reduce(
      (count, round) =>
        count + [round.warm, round.warmClicking, round.cold].reduce((sum, run) => sum + run.duringCall.longTasks.length + run.afterCall.longTasks.length, 0),
      0,
    ),
    tabClickMaxMs: longest(rounds.flatMap((round) => [...round.warmClicking.duringCall.tabLatencies, ...round.warmClicking.afterCall.tabLatencies])),
  }
}

function print(figures: ReturnType<typeof summarise>): void {
  console.log(
    `DOE Runner through the Execute panel: ${ECHO.count} shell-echo cases, max_workers ${ECHO.workers}, median of ${ROUNDS} rounds alternating with Node`,
  )
  const rows = [
    ['run', 'page', 'floor', 'page/floor'],
    ['sandbox started before Run', formatSeconds(figures.warmSeconds), `Node ${formatSeconds(figures.nodeSeconds)}`, formatRatio(figures.warmRatio)],
    [
      'first run of the page (starts the sandbox)',
      formatSeconds(figures.coldSeconds),
      `Node ${formatSeconds(figures.nodeSeconds)}`,
      formatRatio(figures.coldRatio),
    ],
  ]
  console.log(tableLines(rows, 'lrrr').join('\n'))
  console.log(`  Node: the run in a fresh process; in one that ran it before, ${formatSeconds(figures.nodeWarmSeconds)}`)
  console.log('  page: from pressing Run to the outcome on screen; ratio: median over rounds of page / Node in the same round')
  console.log(
    `  longest main-thread task: ${formatMs(figures.longestTaskWhileRunningMs)} while running, ${formatMs(figures.longestTaskAfterMs)} after the result arrived ` +
      `(${figures.tasksOver50Ms} tasks over 50 ms in all runs; floor 50 ms); slowest tab click ${formatMs(figures.tabClickMaxMs)}`,
  )
}
