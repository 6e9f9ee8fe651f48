// What one more plugin sandbox costs: N copies of the hello plugin, each in its own worker.
import type { Page } from '@playwright/test'
import { launchChromium } from './chromium'
import { sampleMemory, type MemorySample } from './memory'
import { timeUntilAllLoaded } from './registryScale'

const REGISTRY_PATH = '/bench-registry.json'
const HELLO_ENTRY = './plugins/hello/plugin.js:HelloPlugin'
/** Lets the workers finish starting up before their memory is read. */
const SETTLE_MS = 500

export interface SandboxCost extends MemorySample {
  plugins: number
  /** From the manifest's arrival to the Plugins panel counting every plugin loaded. */
  loadMs: number
}

/** Opens the app on a registry of `pluginCount` hello plugins in a browser of its own, so its memory is theirs alone. */
export async function measureSandboxCost(appUrl: string, pluginCount: number): Promise<SandboxCost> {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ baseURL: appUrl })
    await serveHelloCopies(page, pluginCount)
    await page.goto(`?registry=.${REGISTRY_PATH}`)
    const { loadMs } = await timeUntilAllLoaded(page, pluginCount, REGISTRY_PATH)
    await page.waitForTimeout(SETTLE_MS)
    return { plugins: pluginCount, loadMs, ...(await sampleMemory(browser, page)) }
  } finally {
    await browser.close()
  }
}

async function serveHelloCopies(page: Page, pluginCount: number): Promise<void> {
  const plugins = Object.fromEntries(Array.from({ length: pluginCount }, (_, index) => [`p${index + 1}`, HELLO_ENTRY]))
  const manifest = { name: 'Benchmark registry', 'entry-points': { 'strataregula.plugins': plugins } }
  await page.route(
    (url) => url.pathname === REGISTRY_PATH,
    (route) => route.fulfill({ json: manifest }),
  )
}
