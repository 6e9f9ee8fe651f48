// Benchmark of the playground in Chromium: `npx tsx scripts/bench-browser.ts`.
// Builds and serves the app on loopback, runs the DOE Runner through the page next to the same runs in Node,
// watches the page's main thread meanwhile, and measures what each plugin sandbox costs.
// Not a test: nothing here asserts a time or a size.
import { launchChromium } from './bench/chromium'
import { DUMMY_SLEEP_SECONDS, dummyCasesCsv, dummyFloorSeconds, echoCasesCsv, timedNodeRun } from './bench/doeCases'
import { CLICK_INTERVAL_MS, CLICKS_AFTER_OUTCOME_MS, runThroughPage, type MainThreadPhase, type PageRun } from './bench/doeThroughPage'
import { formatMiB, formatMs, formatRatio, formatSeconds, median, tableLines } from './bench/format'
import { buildAndPreview } from './bench/previewServer'
import { measureSandboxCost, type SandboxCost } from './bench/sandboxCost'

// 1,000 cases is the run compared with `srd run`; 10,000 shows how the page's costs grow.
const ECHO_COUNTS = [1_000, 10_000]
const ECHO_WORKERS = 8
const DUMMY = { count: 200, workers: 20 }
const SANDBOX_COUNTS = [1, 10, 30]

interface EchoRun {
  count: number
  nodeSeconds: number
  page: PageRun
}

async function benchDoeRunner(appUrl: string): Promise<void> {
  const echoes: EchoRun[] = []
  let dummy: PageRun
  const browser = await launchChromium()
  try {
    console.log(`DOE Runner through the Execute panel, Chromium ${browser.version()}`)
    for (const count of ECHO_COUNTS) {
      const cases = echoCasesCsv(count)
      const nodeSeconds = await timedNodeRun(cases, ECHO_WORKERS)
      const page = await runThroughPage(browser, appUrl, {
        fileName: 'bench-echo.csv',
        cases,
        caseCount: count,
        maxWorkers: ECHO_WORKERS,
        clickTabs: true,
        warm: true,
      })
      echoes.push({ count, nodeSeconds, page })
    }
    dummy = await runThroughPage(browser, appUrl, {
      fileName: 'bench-dummy.csv',
      cases: dummyCasesCsv(DUMMY.count),
      caseCount: DUMMY.count,
      maxWorkers: DUMMY.workers,
      clickTabs: false,
      warm: true,
    })
  } finally {
    await browser.close()
  }
  printRunTimes(echoes, dummy)
  printMainThread(echoes, dummy)
}

const echoName = (count: number) => `shell echo: ${count} cases, max_workers ${ECHO_WORKERS}`

function printRunTimes(echoes: EchoRun[], dummy: PageRun): void {
  const row = (name: string, run: PageRun, floorSeconds: number, floorIs: string) => [
    name,
    formatSeconds(run.seconds),
    formatSeconds(run.callSeconds),
    formatSeconds(floorSeconds),
    formatRatio(run.seconds / floorSeconds),
    floorIs,
  ]
  const rows = [
    ['run', 'page', 'call', 'floor', 'page/floor', 'floor is'],
    ...echoes.map((echo) => row(echoName(echo.count), echo.page, echo.nodeSeconds, 'the same run in Node')),
    row(
      `dummy: ${DUMMY.count} cases, max_workers ${DUMMY.workers}`,
      dummy,
      dummyFloorSeconds(DUMMY.count, DUMMY.workers),
      `${DUMMY.count} / ${DUMMY.workers} × ${DUMMY_SLEEP_SECONDS} s`,
    ),
  ]
  console.log(tableLines(rows, 'lrrrrl').join('\n'))
  console.log('  page: from pressing Run to the outcome on screen; call: to the result reaching the page')
}

function printMainThread(echoes: EchoRun[], dummy: PageRun): void {
  const ms = (values: number[], summary: (values: number[]) => number) => (values.length ? formatMs(summary(values)) : '–')
  const longest = (values: number[]) => Math.max(...values)
  const row = (name: string, phase: MainThreadPhase) => [
    name,
    String(phase.longTasks.length),
    ms(phase.longTasks, longest),
    String(phase.tabLatencies.length),
    ms(phase.tabLatencies, median),
    ms(phase.tabLatencies, longest),
  ]
  const rows = [
    ['main thread', 'long tasks', 'longest', 'tab clicks', 'median', 'max'],
    ...echoes.flatMap(({ count, page }) => [
      row(`${echoName(count)}, while the plugin runs`, page.duringCall),
      row(`${echoName(count)}, after: results, ${CLICKS_AFTER_OUTCOME_MS / 1000} s more clicks`, page.afterCall),
    ]),
    row('dummy, while the plugin runs', dummy.duringCall),
    row('dummy, after: results', dummy.afterCall),
  ]
  console.log(tableLines(rows, 'lrrrrr').join('\n'))
  console.log(`  tab clicks: Health then Execute every ${CLICK_INTERVAL_MS} ms, timed from the click to the frame showing the tab`)
}

async function benchSandboxes(appUrl: string): Promise<void> {
  const costs: SandboxCost[] = []
  for (const count of SANDBOX_COUNTS) costs.push(await measureSandboxCost(appUrl, count))
  const workersHeap = (cost: SandboxCost) => cost.workerHeapBytes.reduce((total, bytes) => total + bytes, 0)
  console.log('Plugin sandboxes: N copies of the hello plugin, each in its own worker; memory after loading')
  const lines = tableLines(
    [
      ['plugins', 'workers', 'all loaded', 'per plugin', 'page heap', "workers' heap", 'Chromium RSS'],
      ...costs.map((cost) => [
        String(cost.plugins),
        String(cost.workerHeapBytes.length),
        formatMs(cost.loadMs),
        formatMs(cost.loadMs / cost.plugins),
        formatMiB(cost.pageHeapBytes),
        formatMiB(workersHeap(cost)),
        formatMiB(cost.processesRssBytes),
      ]),
    ],
    'rrrrrrr',
  )
  console.log(lines.join('\n'))
  const fewest = costs[0]
  const most = costs[costs.length - 1]
  const extra = most.plugins - fewest.plugins
  console.log(
    `  each extra plugin (${most.plugins} vs ${fewest.plugins}): ${formatMs((most.loadMs - fewest.loadMs) / extra)} to load, ` +
      `${formatMiB((most.processesRssBytes - fewest.processesRssBytes) / extra)} RSS, ` +
      `${formatMiB((workersHeap(most) - workersHeap(fewest)) / extra)} worker JS heap`,
  )
}

const server = await buildAndPreview()
try {
  await benchDoeRunner(server.url)
  await benchSandboxes(server.url)
} finally {
  await server.close()
}
