import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { expect, test } from './support/fixtures'
import { pluginCard } from './support/pluginsPanel'

const GOOD_PLUGIN = readFileSync(new URL('./fixtures/corpus/good.js', import.meta.url))
const sri = (bytes: Buffer | string) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`

test('a module whose bytes match its integrity loads; one that does not is refused, not run', async ({ page, thirdParty }) => {
  const module = `${thirdParty.origin}/cors/corpus/good.js`
  const wrong = sri('something else')
  await page.route(
    (url) => url.pathname === '/integrity-registry.json',
    (route) =>
      route.fulfill({
        json: {
          name: 'Integrity',
          'entry-points': {
            'strataregula.plugins': {
              verified: { module, export: 'GoodPlugin', integrity: sri(GOOD_PLUGIN) },
              tampered: { module, export: 'GoodPlugin', integrity: wrong },
            },
          },
        },
      }),
  )
  await page.goto('/?registry=/integrity-registry.json')
  await expect(pluginCard(page, 'verified').state).toHaveText('Loaded')
  await expect(pluginCard(page, 'verified').version).toHaveText('2.0.0')
  await expect(pluginCard(page, 'tampered').error).toHaveText(
    `Failed to load plugin tampered: integrity check failed: the bytes of ${module} do not match ${wrong}`,
  )
})

test('a manifest on the app origin cannot vouch for modules on another origin', async ({ page, untrustedThirdParty: other }) => {
  await page.route(
    (url) => url.pathname === '/cross-origin-registry.json',
    (route) => route.fulfill({ json: { 'entry-points': { 'strataregula.plugins': { good: `${other.origin}/cors/corpus/good.js:GoodPlugin` } } } }),
  )
  await page.goto('/?registry=/cross-origin-registry.json')
  const prompt = page.getByRole('alertdialog', { name: `Run plugins from ${other.origin}?` })
  await expect(prompt).toBeVisible()
  await expect(pluginCard(page, 'good').state).toHaveText('Waiting for your consent')
  expect(other.requests).toEqual([])

  await prompt.getByRole('button', { name: 'Allow once' }).click()
  await expect(pluginCard(page, 'good').state).toHaveText('Loaded')
  expect(other.requests).toEqual(['/cors/corpus/good.js'])
})

test('Check all does not import plugins that wait for consent', async ({ page, untrustedThirdParty: other }) => {
  await page.goto(`/?registry=${encodeURIComponent(`${other.origin}/cors/execute.json`)}`)
  await expect(page.getByRole('alertdialog')).toBeVisible()
  await page.getByRole('tab', { name: 'Health' }).click()
  await page.getByRole('button', { name: 'Check all' }).click()
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'good', exact: true }) })
  await expect(row.locator('[data-field="details"]')).toHaveText('not loaded: waiting for your consent to run its code')
  expect(other.requests.filter((path) => path.endsWith('.js'))).toEqual([])
})
