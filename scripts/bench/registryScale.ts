// Registry scale: N generated plugins on a second origin, listed and loaded by the page, against the floor:
// the same modules imported, and get_info() called, in one bare worker of the same page.
import type { Page } from '@playwright/test'
import { startFixtureServer } from '../../e2e/support/fixtureServer'
import { generatedRegistryUrl } from '../../e2e/support/generatedRegistry'
import { liveSandboxes } from '../../e2e/support/liveSandboxes'
import { pluginSummaryText } from '../../src/core/pluginListing'
import { GLOBAL_CONFIG_KEY } from '../../src/core/storageKeys'
import { launchChromium } from './chromium'
import { sampleMemory, type MemorySample } from './memory'

const LOAD_TIME_LIMIT_MS = 300_000

export interface RegistryScale extends MemorySample {
  plugins: number
  /** From the manifest's arrival to the panel's summary counting every plugin loaded. */
  loadMs: number
  /** The bare worker: started, every module imported and every get_info() answered. */
  floorMs: number
  /** The longest main-thread task from the manifest's arrival until every plugin is loaded. */
  longestTaskMs: number
  /** Frames and workers alive once every plugin is listed. */
  liveFrames: number
  liveWorkers: number
}

/** Opens the app on a registry of `count` generated plugins, in a browser of its own so its memory is theirs alone. */
export async function measureRegistryScale(appUrl: string, count: number): Promise<RegistryScale> {
  const browser = await launchChromium()
  const fixtures = await startFixtureServer(new URL(appUrl).origin)
  try {
    const page = await browser.newPage({ baseURL: appUrl })
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [GLOBAL_CONFIG_KEY, `discovery:\n  trusted_sources: ['${fixtures.origin}']\n`])
    await page.addInitScript(() => {
      const longTasks: { end: number; duration: number }[] = []
      Object.assign(window, { benchLongTasks: longTasks })
      new PerformanceObserver((list) =>
        list.getEntries().forEach((entry) => longTasks.push({ end: entry.startTime + entry.duration, duration: entry.duration })),
      ).observe({
        type: 'longtask',
        buffered: true,
      })
    })
    const registryUrl = generatedRegistryUrl(fixtures.origin, count)
    await page.goto(`?registry=${encodeURIComponent(registryUrl)}`)
    const { loadMs, manifestArrivedAt } = await timeUntilAllLoaded(page, count, new URL(registryUrl).pathname)
    // The page's own start (its modules, the first paint) is not the registry's.
    const longestTaskMs = await page.evaluate(
      (from) =>
        Math.max(
          0,
          ...(window as unknown as { benchLongTasks: { end: number; duration: number }[] }).benchLongTasks
            .filter((task) => task.end >= from)
            .map((task) => task.duration),
        ),
      manifestArrivedAt,
    )
    const live = await liveSandboxes(page)
    const memory = await sampleMemory(browser, page)
    const floorMs = await bareWorkerFloor(page, registryUrl, count)
    return { plugins: count, loadMs, floorMs, longestTaskMs, liveFrames: live.frames, liveWorkers: live.workers, ...memory }
  } finally {
    await browser.close()
    await fixtures.close()
  }
}

/** Waits until the Plugins panel counts all `count` plugins loaded; resolves to the time since `registryPath` arrived. */
export async function timeUntilAllLoaded(page: Page, count: number, registryPath: string): Promise<{ loadMs: number; manifestArrivedAt: number }> {
  // The panel draws a few cards at a time: its summary counts them all.
  const allLoadedAt = await page.waitForFunction(
    (expected) => document.querySelector('[data-field="summary"]')?.textContent === expected && performance.now(),
    pluginSummaryText({ total: count, loaded: count, failed: 0, waiting: 0 }),
    { polling: 'raf', timeout: LOAD_TIME_LIMIT_MS },
  )
  const manifestArrivedAt = await page.evaluate(
    (path) => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) => new URL(entry.name).pathname === path)?.responseEnd,
    registryPath,
  )
  if (manifestArrivedAt === undefined) throw new Error(`the page has no timing for ${registryPath}`)
  return { loadMs: ((await allLoadedAt.jsonValue()) as number) - manifestArrivedAt, manifestArrivedAt }
}

/** One module worker of the page imports every plugin module and calls get_info(); ms from its creation to its answer. */
async function bareWorkerFloor(page: Page, registryUrl: string, count: number): Promise<number> {
  const moduleUrls = Array.from({ length: count }, (_, index) => new URL(`gen${index}.js`, registryUrl).href)
  return page.evaluate(async (urls) => {
    const source = `onmessage = async ({ data }) => {
      const infos = await Promise.all(data.map(async (url) => new (await import(url)).Plugin().get_info()))
      postMessage(infos.length)
    }`
    const started = performance.now()
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' })
    const answered = await new Promise<number>((resolve) => {
      worker.onmessage = ({ data }) => resolve(data as number)
      worker.postMessage(urls)
    })
    worker.terminate()
    if (answered !== urls.length) throw new Error(`the bare worker described ${answered} of ${urls.length} plugins`)
    return performance.now() - started
  }, moduleUrls)
}
