// Call overhead: a trivial command's round trip through the Execute panel, cold (the plugin's own sandbox
// starts and loads it) and warm, against a raw postMessage echo between the page and a bare worker.
import { expect, type Page } from '@playwright/test'
import { executePanel } from '../../e2e/support/executePanel'
import { startFixtureServer } from '../../e2e/support/fixtureServer'
import { generatedRegistryUrl } from '../../e2e/support/generatedRegistry'
import { GLOBAL_CONFIG_KEY } from '../../src/core/storageKeys'
import { launchChromium } from './chromium'
import { median } from './format'

const WARM_CALLS = 10
const ECHOES = 100

export interface CallOverhead {
  /** The first call: its sandbox starts and loads the plugin (ms, as the Execute panel reports it). */
  coldMs: number
  /** Median of the calls after it. */
  warmMs: number
  /** Mean round trip of a message to a bare worker that echoes it, one after the other (a single trip is below the page's timer resolution). */
  echoMs: number
}

export async function measureCallOverhead(appUrl: string): Promise<CallOverhead> {
  const browser = await launchChromium()
  const fixtures = await startFixtureServer(new URL(appUrl).origin)
  try {
    const page = await browser.newPage({ baseURL: appUrl })
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [GLOBAL_CONFIG_KEY, `discovery:\n  trusted_sources: ['${fixtures.origin}']\n`])
    await page.goto(`?registry=${encodeURIComponent(generatedRegistryUrl(fixtures.origin, 1))}`)
    await page.locator('[data-field="state"]', { hasText: 'Loaded' }).waitFor()
    const coldMs = await timedCall(page, 1)
    const warm: number[] = []
    for (let call = 2; call <= WARM_CALLS + 1; call++) warm.push(await timedCall(page, call))
    return { coldMs, warmMs: median(warm), echoMs: await echoRoundTrip(page) }
  } finally {
    await browser.close()
    await fixtures.close()
  }
}

/** Runs gen0's echo from the Execute panel; the n-th run's time as the panel reports it. */
async function timedCall(page: Page, runNumber: number): Promise<number> {
  const execute = executePanel(page)
  await execute.start('gen0', 'echo', `run: ${runNumber}`)
  await expect(execute.result).toContainText(`"run": ${runNumber}`)
  const text = await execute.outcome.innerText()
  const ms = /\((\d+) ms\)/.exec(text)?.[1]
  if (ms === undefined) throw new Error(`the outcome does not say how long the call took: ${text}`)
  return Number(ms)
}

async function echoRoundTrip(page: Page): Promise<number> {
  return page.evaluate(async (count) => {
    const worker = new Worker(URL.createObjectURL(new Blob(['onmessage = ({ data }) => postMessage(data)'], { type: 'text/javascript' })))
    // The first trip waits for the worker to start: not part of a round trip.
    await new Promise((resolve) => {
      worker.onmessage = resolve
      worker.postMessage('start')
    })
    const started = performance.now()
    for (let trip = 0; trip < count; trip++) {
      await new Promise((resolve) => {
        worker.onmessage = resolve
        worker.postMessage({ type: 'call', id: trip, command: 'echo', kwargs: { run: trip } })
      })
    }
    worker.terminate()
    return (performance.now() - started) / count
  }, ECHOES)
}
