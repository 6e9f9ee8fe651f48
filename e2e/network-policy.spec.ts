import type { Page } from '@playwright/test'
import { executePanel } from './support/executePanel'
import { expect, test, withRegistries } from './support/fixtures'
import { pluginCard } from './support/pluginsPanel'

/** Runs the probe on each URL; what it could fetch and import, per URL. */
async function reach(page: Page, urls: string[]): Promise<unknown> {
  const execute = executePanel(page)
  await execute.start('reach', 'reach', `urls: ${JSON.stringify(urls)}`)
  await expect(execute.outcome).toHaveText(/^Command executed successfully/)
  return (await execute.resultObject()).outcomes
}

const REACHED = { fetch: 'reached', import: 'reached' }
const BLOCKED = { fetch: 'blocked (TypeError)', import: 'blocked (TypeError)' }

test("a plugin reaches its own registry's origin and nothing else", async ({ page, thirdParty }) => {
  const second = thirdParty.origin.replace('localhost', '127.0.0.1')
  await page.goto(withRegistries(`${thirdParty.origin}/cors/network/registry.json`))
  await expect(pluginCard(page, 'reach').state).toHaveText('Loaded')
  const own = `${thirdParty.origin}/cors/network/module.js`
  const other = `${second}/cors/network/module.js`
  expect(await reach(page, [own, other])).toEqual({ [own]: REACHED, [other]: BLOCKED })
  // The request to the other origin never left the sandbox.
  expect(thirdParty.requests.filter((request) => request === '/cors/network/module.js')).toHaveLength(2)
})

test('the origins of a connect list are shown before consent and reachable after it', async ({ page, untrustedThirdParty: server }) => {
  const second = server.origin.replace('localhost', '127.0.0.1')
  await page.goto(withRegistries(`${server.origin}/cors/network/connect.json`))
  const prompt = page.getByRole('alertdialog', { name: `Run plugins from ${server.origin}?` })
  await expect(prompt.locator('.reachable')).toHaveText(`They can load code from and send requests to ${second} and ${server.origin} only.`)
  await prompt.getByRole('button', { name: 'Allow once' }).click()
  await expect(pluginCard(page, 'reach').state).toHaveText('Loaded')

  const listed = `${second}/cors/network/module.js`
  const app = new URL('/registry.json', page.url()).href
  expect(await reach(page, [listed, app])).toEqual({ [listed]: REACHED, [app]: BLOCKED })
})
