import type { Browser, Page } from '@playwright/test'
import { executePanel } from './support/executePanel'
import { expect, test as base, withRegistries } from './support/fixtures'
import { pluginCard } from './support/pluginsPanel'

/**
 * A host that serves the sandboxes from a site of their own (`strataregula-sandbox-origin` in index.html). Here
 * the same server answers as `s<N>.localhost`: every subdomain of `localhost` is a site of its own to Chromium.
 */
async function serveSandboxesFromOwnSites(page: Page, sandboxOrigin = (port: string) => `http://{id}.localhost:${port}`): Promise<void> {
  await page.route(/\/(index\.html)?(\?.*)?$/, async (route) => {
    const response = await route.fetch()
    const meta = `<meta name="strataregula-sandbox-origin" content="${sandboxOrigin(new URL(route.request().url()).port)}">`
    await route.fulfill({ response, body: (await response.text()).replace('<head>', `<head>${meta}`) })
  })
}

// Chromium's Local Network Access checks stop a page on 127.0.0.1 from framing `*.localhost`; a real host's
// sandbox sites are public, like the playground's own, so no check applies to them.
const test = base.extend<object, object>({
  launchOptions: [
    async ({ launchOptions }, use) => use({ ...launchOptions, args: [...(launchOptions.args ?? []), '--disable-features=LocalNetworkAccessChecks'] }),
    { scope: 'worker' },
  ],
})

/** The renderer processes of the browser: their ids and the CPU time each has used (s). */
async function renderers(browser: Browser): Promise<Map<number, number>> {
  const session = await browser.newBrowserCDPSession()
  const { processInfo } = await session.send('SystemInfo.getProcessInfo')
  await session.detach()
  return new Map(processInfo.filter((process) => process.type === 'renderer').map((process) => [process.id, process.cpuTime]))
}

/** The renderer that burns the most CPU time over a second. */
async function busiestRenderer(browser: Browser): Promise<number> {
  const before = await renderers(browser)
  await new Promise((resolve) => setTimeout(resolve, 1_000))
  const after = await renderers(browser)
  const growth = [...after].map(([id, cpu]) => [id, cpu - (before.get(id) ?? 0)] as const)
  return growth.reduce((busiest, candidate) => (candidate[1] > busiest[1] ? candidate : busiest))[0]
}

test('plugins load and run in frames served from sites of their own', async ({ page }) => {
  await serveSandboxesFromOwnSites(page)
  await page.goto('./')
  await expect(pluginCard(page, 'hello').state).toHaveText('Loaded')
  const execute = executePanel(page)
  await execute.start('hello', 'greet', 'who: another site')
  await expect(execute.outcome).toContainText('Command executed successfully')
  expect(await execute.resultObject()).toMatchObject({ greeting: 'Hello, another site!' })
  const frames = await page.locator('iframe[title^="Sandbox of plugin"]').evaluateAll((elements) => elements.map((frame) => (frame as HTMLIFrameElement).src))
  expect(frames.length).toBeGreaterThan(0)
  for (const src of frames) expect(src).toMatch(/^http:\/\/s\d+\.localhost:\d+\/sandbox\.html$/)
})

test("a cancelled looping plugin's process ends at once while another plugin's sandbox lives on", async ({ page, browser, thirdParty }) => {
  await serveSandboxesFromOwnSites(page)
  await page.goto(withRegistries(`${thirdParty.origin}/cors/execute.json`))
  const execute = executePanel(page)
  await execute.start('good', 'ping')
  await expect(execute.outcome).toContainText('Command executed successfully')

  await execute.start('outcomes', 'loops', '', 60)
  await expect(execute.cancel).toBeVisible()
  const looping = await busiestRenderer(browser)
  await execute.cancel.click()
  await expect(execute.outcome).toContainText('Command failed: Plugin execution cancelled')
  // The looping plugin's frame is gone, and with it its process: no core stays busy with it.
  await expect.poll(async () => (await renderers(browser)).has(looping), { timeout: 5_000 }).toBe(false)

  await execute.start('good', 'ping')
  await expect(execute.outcome).toContainText('Command executed successfully')
})

test('a plugin reaches only its own origins from a frame on another site too', async ({ page, thirdParty }) => {
  await serveSandboxesFromOwnSites(page)
  await page.goto(withRegistries(`${thirdParty.origin}/cors/network/registry.json`))
  const own = `${thirdParty.origin}/cors/network/module.js`
  const other = `${thirdParty.origin.replace('localhost', '127.0.0.1')}/cors/network/module.js`
  const execute = executePanel(page)
  await execute.start('reach', 'reach', `urls: ${JSON.stringify([own, other])}`)
  await expect(execute.outcome).toHaveText(/^Command executed successfully/)
  expect((await execute.resultObject()).outcomes).toEqual({
    [own]: { fetch: 'reached', import: 'reached' },
    [other]: { fetch: 'blocked (TypeError)', import: 'blocked (TypeError)' },
  })
})

test('a sandbox origin that is not another http(s) origin is refused with the reason on every card', async ({ page }) => {
  await serveSandboxesFromOwnSites(page, () => 'sandbox.example.org')
  await page.goto('./')
  await expect(pluginCard(page, 'hello').error).toHaveText(
    'Failed to load plugin hello: the sandbox worker could not start: strataregula-sandbox-origin must be an http(s) origin other than the playground\'s, not "sandbox.example.org"',
  )
})
