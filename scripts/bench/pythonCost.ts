// What a Python plugin costs: listing the bundled registry with auto_load (which must not start Python), a
// cold start, the first and warm command round trips, the memory one Python sandbox adds, and what the second
// Python plugin of the same manifest adds (it shares that sandbox). Uses the bundled hello_py and pattern_expander.
import type { Page } from '@playwright/test'
import { PYTHON_RUNTIME_DIR } from '../../src/runtime/python/runtimeDir'
import { launchChromium } from './chromium'
import { sampleMemory } from './memory'

const PLUGIN = 'hello_py'
const SECOND_PLUGIN = 'pattern_expander'
/** A plugin that auto-loads: once it is loaded, the page has loaded all it loads by itself. */
const AUTO_LOADED = 'hello'
const LOAD_TIME_LIMIT_MS = 180_000
/** How long the listed page is watched for a request of the Python runtime. */
const LISTING_WATCH_MS = 2_000

export interface PythonCost {
  /** Requests of the Python runtime's files once the page has listed and auto-loaded its plugins: 0 when that starts no Python. */
  runtimeRequestsWhileListed: number
  /** From pressing Load to the card showing `Loaded`: download, start, wheels, import, get_info(). */
  coldStartMs: number
  firstCallMs: number
  warmCallMs: number
  /** Chromium's resident memory after the load minus before it: one Python sandbox. */
  sandboxRssBytes: number
  /** Loading the manifest's other Python plugin, into the same Python. */
  secondPluginLoadMs: number
  secondPluginRssBytes: number
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
    await page.goto('./')
    await page.waitForFunction(isLoaded, AUTO_LOADED, { timeout: LOAD_TIME_LIMIT_MS })
    await page.waitForTimeout(LISTING_WATCH_MS)
    const runtimeRequestsWhileListed = runtimeRequests
    const before = await sampleMemory(browser, page)

    const coldStartMs = await loadFromCard(page, PLUGIN)
    const loaded = await sampleMemory(browser, page)
    const secondPluginLoadMs = await loadFromCard(page, SECOND_PLUGIN)
    const both = await sampleMemory(browser, page)
    await page.getByRole('tab', { name: 'Execute' }).click()
    await page.getByLabel('Plugin', { exact: true }).selectOption(PLUGIN)
    await page.getByLabel('Command', { exact: true }).selectOption('greet')
    const firstCallMs = await runOnce(page, 1)
    const warmCallMs = await runOnce(page, 2)
    return {
      runtimeRequestsWhileListed,
      coldStartMs,
      firstCallMs,
      warmCallMs,
      sandboxRssBytes: loaded.processesRssBytes - before.processesRssBytes,
      secondPluginLoadMs,
      secondPluginRssBytes: both.processesRssBytes - loaded.processesRssBytes,
    }
  } finally {
    await browser.close()
  }
}

function isLoaded(plugin: string | number): number | false {
  return document.querySelector(`[data-plugin="${plugin}"] [data-field="state"]`)?.textContent === 'Loaded' && performance.now()
}

/** Presses the card's Load button and times it to the frame where the card says `Loaded`. */
function loadFromCard(page: Page, plugin: string): Promise<number> {
  const card = page.getByRole('article', { name: plugin, exact: true })
  return timed(page, () => card.getByRole('button', { name: `Load ${plugin}` }).click(), isLoaded, plugin)
}

/** Presses Run and times it to the frame where run number `runs` shows its duration (it has ended). */
function runOnce(page: Page, runs: number): Promise<number> {
  return timed(
    page,
    () => page.getByRole('button', { name: 'Run', exact: true }).click(),
    (count) => {
      const rows = document.querySelectorAll('.run-history tbody tr')
      return rows.length === Number(count) && !rows[0].querySelector('td:nth-child(4)')?.textContent?.includes('…') && performance.now()
    },
    runs,
  )
}

/** Milliseconds, read in the page, from `act` to the first frame where `doneAt` answers its time. */
async function timed(page: Page, act: () => Promise<void>, doneAt: (arg: string | number) => number | false, arg: string | number): Promise<number> {
  const startedAt = await page.evaluate(() => performance.now())
  await act()
  const handle = await page.waitForFunction(doneAt, arg, { polling: 'raf', timeout: LOAD_TIME_LIMIT_MS })
  return ((await handle.jsonValue()) as number) - startedAt
}
