// Runs the DOE Runner through the app's own panels, as a user would, while pageProbe.js watches the main thread.
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Browser, Locator, Page } from '@playwright/test'
import { executePanel } from '../../e2e/support/executePanel'
import { fileRow, openFilesPanel } from '../../e2e/support/filesPanel'

const PROBE_SCRIPT = fileURLToPath(new URL('./pageProbe.js', import.meta.url))
const TIME_LIMIT_SECONDS = 600
export const CLICK_INTERVAL_MS = 250
/** Time between a Health click and the Execute click after it: enough for a frame showing Health. */
const HEALTH_SHOWN_MS = 50
/** How long the tab clicks go on once the outcome shows, with the run's results in the Execute panel. */
export const CLICKS_AFTER_OUTCOME_MS = 3_000
/** The results views render after the outcome shows: the run is over once no long task ended for this long. */
const QUIET_MS = 1_000

interface ProbeReport {
  longTasks: Array<{ start: number; duration: number }>
  tabClicks: Array<{ at: number; latency: number }>
  runStartedAt?: number
  outcome?: { at: number; text: string }
}

export interface PageRunPlan {
  /** The cases file's name in the workspace. */
  fileName: string
  cases: string
  caseCount: number
  maxWorkers: number
  /** Click the Health and Execute tabs while the run goes on and after, to time how fast the page answers. */
  clickTabs: boolean
  /**
   * Start the plugin's sandbox before the measured run (by validating the cases), as the Node run it is compared
   * with starts with the plugin imported; otherwise the run pays for starting a sandbox and loading the plugin.
   */
  warm: boolean
}

/** What the page's main thread did in one part of a run. */
export interface MainThreadPhase {
  /** Durations of the tasks over 50 ms (ms). */
  longTasks: number[]
  /** Per tab click, from the click to the rendered frame showing that tab selected (ms). */
  tabLatencies: number[]
}

export interface PageRun {
  /** From pressing Run to the first frame showing `Command executed successfully`. */
  seconds: number
  /** The plugin call alone, as the Execute panel reports it: from pressing Run to the result's arrival. */
  callSeconds: number
  /** While the plugin ran, its log and progress streaming in. */
  duringCall: MainThreadPhase
  /** From the result's arrival until the page was quiet: the results views render, the tabs switch. */
  afterCall: MainThreadPhase
}

/** Uploads the cases file through the Files panel and runs it from the Execute panel, in a fresh browser context. */
export async function runThroughPage(browser: Browser, appUrl: string, plan: PageRunPlan): Promise<PageRun> {
  const context = await browser.newContext({ baseURL: appUrl })
  try {
    const page = await context.newPage()
    await page.addInitScript({ path: PROBE_SCRIPT })
    // Told by the page rather than asked: a question would wait behind the page's long tasks.
    let outcomeShownAt: number | undefined
    await page.exposeFunction('benchOutcomeShown', () => (outcomeShownAt = performance.now()))
    await uploadToWorkspace(page, plan.fileName, plan.cases)
    const execute = executePanel(page)
    if (plan.warm) {
      await warmUp(page, plan.fileName)
      outcomeShownAt = undefined
    }
    await execute.start('doe_runner', 'execute_cases', `cases_path: ${plan.fileName}\nmax_workers: ${plan.maxWorkers}`, TIME_LIMIT_SECONDS)
    if (plan.clickTabs) await clickTabsUntil(page, () => outcomeShownAt !== undefined && performance.now() - outcomeShownAt >= CLICKS_AFTER_OUTCOME_MS)
    await page.waitForFunction(`window.benchQuietFor(${QUIET_MS})`, undefined, { timeout: TIME_LIMIT_SECONDS * 1000, polling: 100 })
    const stats = (await execute.resultObject()).stats as { total?: number } | undefined
    if (stats?.total !== plan.caseCount) throw new Error(`the run of ${plan.fileName} ran ${stats?.total} of ${plan.caseCount} cases`)
    return measuredRun(await page.evaluate<ProbeReport>('window.benchProbe'))
  } finally {
    await context.close()
  }
}

/** Validates the cases, which starts DOE Runner's sandbox and reads the file, then forgets that run. */
async function warmUp(page: Page, fileName: string): Promise<void> {
  const execute = executePanel(page)
  await execute.start('doe_runner', 'validate_cases', `cases_path: ${fileName}`, TIME_LIMIT_SECONDS)
  await page.waitForFunction('window.benchProbe.outcome', undefined, { timeout: TIME_LIMIT_SECONDS * 1000 })
  await page.evaluate('window.benchForget()')
}

async function uploadToWorkspace(page: Page, fileName: string, text: string): Promise<void> {
  await openFilesPanel(page)
  await page.getByLabel('Upload files').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(text) })
  await fileRow(page, fileName).row.waitFor()
}

/**
 * Clicks Health then Execute every interval until `done`, with the mouse at fixed places, so a click is queued
 * behind a busy main thread as a person's would be (a locator click first waits for the page to answer). Execute
 * is hidden only briefly, so the outcome is seen soon after it renders; it ends up shown.
 */
async function clickTabsUntil(page: Page, done: () => boolean): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0))
  const health = await centreOf(page.getByRole('tab', { name: 'Health' }))
  const execute = await centreOf(page.getByRole('tab', { name: 'Execute' }))
  const deadline = performance.now() + TIME_LIMIT_SECONDS * 1000
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`the run did not end within ${TIME_LIMIT_SECONDS} s`)
    const clickStarted = performance.now()
    await page.mouse.click(health.x, health.y)
    await sleep(HEALTH_SHOWN_MS)
    await page.mouse.click(execute.x, execute.y)
    await sleep(Math.max(0, CLICK_INTERVAL_MS - (performance.now() - clickStarted)))
  }
}

async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox()
  if (!box) throw new Error(`${locator} is not on screen`)
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

function measuredRun(report: ProbeReport): PageRun {
  const { runStartedAt, outcome } = report
  if (runStartedAt === undefined || !outcome) throw new Error('the page never showed the run start and its outcome')
  if (!outcome.text.startsWith('Command executed successfully')) throw new Error(`the run failed: ${outcome.text}`)
  const callMs = /\((\d+) ms\)$/.exec(outcome.text)?.[1]
  if (callMs === undefined) throw new Error(`the outcome does not say how long the call took: ${outcome.text}`)
  const callEndedAt = runStartedAt + Number(callMs)
  const phase = (from: number, to: number): MainThreadPhase => ({
    longTasks: report.longTasks.filter((task) => task.start >= from && task.start < to).map((task) => task.duration),
    tabLatencies: report.tabClicks.filter((click) => click.at >= from && click.at < to).map((click) => click.latency),
  })
  return {
    seconds: (outcome.at - runStartedAt) / 1000,
    callSeconds: Number(callMs) / 1000,
    duringCall: phase(runStartedAt, callEndedAt),
    afterCall: phase(callEndedAt, Infinity),
  }
}
