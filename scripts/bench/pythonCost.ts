// What a Python plugin costs: listing one (which must not start Python), its cold start, its first and warm
// command round trips, and the memory one Python sandbox adds. Uses the bundled hello_py.
import type { Page } from '@playwright/test'
import { GLOBAL_CONFIG_KEY } from '../../src/core/storageKeys'
import { PYTHON_RUNTIME_DIR } from '../../src/runtime/python/runtimeDir'
import { launchChromium } from './chromium'
import { sampleMemory } from './memory'

const PLUGIN = 'hello_py'
const LOAD_TIME_LIMIT_MS = 180_000
/** How long the listed page is watched for a request of the Python runtime. */
const LISTING_WATCH_MS = 2_000

export interface PythonCost {
  /** Requests of the Python runtime's files while the plugin was only listed: 0 when listing starts no Python. */
  runtimeRequestsWhileListed: number
  /** From pressing Load to the card showing `Loaded`: download, start, wheels, import, get_info(). */
  coldStartMs: number
  firstCallMs: number
  warmCallMs: number
  /** Chromium's resident memory after the load minus before it: one Python sandbox. */
  sandboxRssBytes: number
}

export async function measurePythonCost(appUrl: string): Promise<PythonCost> {
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ baseURL: appUrl })
    const page = await context.newPage()
    let runtimeRequests = 0
    context.on('request', (request) => {
      if (new URL(request.url()).pathname.includes(`/${PYTHON_RUNTIME_DIR}`)) runtimeRequests++
    })
    await page.addInitScript(([key, text]) => localStorage.setItem(key, text), [GLOBAL_CONFIG_KEY, 'discovery:\n  auto_load: false\n'])
    await page.goto('./')
    const card = page.getByRole('article', { name: PLUGIN, exact: true })
    await card.getByRole('button', { name: `Load ${PLUGIN}` }).waitFor()
    await page.waitForTimeout(LISTING_WATCH_MS)
    const runtimeRequestsWhileListed = runtimeRequests
    const before = await sampleMemory(browser, page)

    const loaded = (plugin: string | number) => document.querySelector(`[data-plugin="${plugin}"] [data-field="state"]`)?.textContent === 'Loaded' && performance.now()
    const coldStartMs = await timed(page, () => card.getByRole('button', { name: `Load ${PLUGIN}` }).click(), loaded, PLUGIN)
    const after = await sampleMemory(browser, page)
    await page.getByRole('tab', { name: 'Execute' }).click()
    await page.getByLabel('Plugin', { exact: true }).selectOption(PLUGIN)
    await page.getByLabel('Command', { exact: true }).selectOption('greet')
    const firstCallMs = await runOnce(page, 1)
    const warmCallMs = await runOnce(page, 2)
    return { runtimeRequestsWhileListed, coldStartMs, firstCallMs, warmCallMs, sandboxRssBytes: after.processesRssBytes - before.processesRssBytes }
  } finally {
    await browser.close()
  }
}

/** Presses Run and times it to the frame where run number `runs` shows its duration (it has ended). */
function runOnce(page: Page, runs: number): Promise<number> {
  return timed(page, () => page.getByRole('button', { name: 'Run', exact: true }).click(), (count) => {
    const rows = document.querySelectorAll('.run-history tbody tr')
    return rows.length === Number(count) && !rows[0].querySelector('td:nth-child(4)')?.textContent?.includes('…') && performance.now()
  }, runs)
}

/** Milliseconds, read in the page, from `act` to the first frame where `doneAt` answers its time. */
async function timed(page: Page, act: () => Promise<void>, doneAt: (arg: string | number) => number | false, arg: string | number): Promise<number> {
  const startedAt = await page.evaluate(() => performance.now())
  await act()
  const handle = await page.waitForFunction(doneAt, arg, { polling: 'raf', timeout: LOAD_TIME_LIMIT_MS })
  return ((await handle.jsonValue()) as number) - startedAt
}
