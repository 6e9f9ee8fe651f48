import { expect, test, withRegistries } from './support/fixtures'
import { HOSTILE_REGISTRY_NAME } from './support/malformedRegistries'
import { pluginCard } from './support/pluginsPanel'
import type { Page } from '@playwright/test'

const GROUP = 'entry-points."strataregula.plugins"'

/** Opens a malformed manifest beside a sound registry (the corpus's `factory` plugin) and returns the list of registries. */
async function openBesideSound(page: Page, origin: string, malformedUrl: string) {
  await page.goto(withRegistries(malformedUrl, `${origin}/cors/corpus/registry.json?plugins=factory`))
  await expect(pluginCard(page, 'factory').state).toHaveText('Loaded')
  return page.getByRole('region', { name: 'Registries in use' })
}

test('a 5 MB manifest is refused as too large, naming it, and the other registry loads', async ({ page, thirdParty }) => {
  const url = `${thirdParty.origin}/malformed/huge.json`
  const registries = await openBesideSound(page, thirdParty.origin, url)
  await expect(registries.getByRole('alert')).toHaveText([`Could not load registry ${url}: the manifest is larger than 1 MiB`])
  await expect(pluginCard(page, 'good').card).toHaveCount(0)
})

test('a manifest of 10,000 plugins is refused as a whole with one message', async ({ page, thirdParty }) => {
  const url = `${thirdParty.origin}/malformed/many.json`
  const registries = await openBesideSound(page, thirdParty.origin, url)
  await expect(registries.getByRole('alert')).toHaveText([
    `Invalid manifest ${url}: ${GROUP}: declares 10000 plugins, more than the 5000 a registry may declare; none of them is listed`,
  ])
  await expect(page.getByRole('article')).toHaveCount(1)
})

test("a module nested 100,000 arrays deep is one entry problem; the manifest's other plugin loads", async ({ page, thirdParty }) => {
  const url = `${thirdParty.origin}/malformed/deep.json`
  const registries = await openBesideSound(page, thirdParty.origin, url)
  await expect(registries.getByRole('alert')).toHaveText([`Invalid manifest ${url}: ${GROUP}.deep.module: must be a string`])
  await expect(pluginCard(page, 'good').state).toHaveText('Loaded')
})

test('HTML, right-to-left and non-ASCII names are shown as inert, escaped text', async ({ page, thirdParty }) => {
  const url = `${thirdParty.origin}/malformed/names.json`
  const registries = await openBesideSound(page, thirdParty.origin, url)
  const rule = 'plugin name must match [A-Za-z0-9_.-]+'
  await expect(registries.getByRole('alert')).toHaveText([
    `Invalid manifest ${url}: ${GROUP}.${JSON.stringify('<img src=x onerror="window.__pluginNameRan = true">')}: ${rule}`,
    `Invalid manifest ${url}: ${GROUP}."\\u202eevil": ${rule}`,
    `Invalid manifest ${url}: ${GROUP}."café": ${rule}`,
  ])
  // The registry's own name is plain text, isolated so its right-to-left override cannot reorder what follows.
  await expect(registries.locator('bdi', { hasText: 'onerror' })).toHaveText(HOSTILE_REGISTRY_NAME)
  await expect(registries.locator('img')).toHaveCount(0)
  await expect(pluginCard(page, 'good').state).toHaveText('Loaded')
  expect(await page.evaluate(() => '__pluginNameRan' in window || '__registryNameRan' in window)).toBe(false)
})

test('modules at javascript:, data:, blob: and file: URLs are refused, each naming its entry', async ({ page, thirdParty }) => {
  const url = `${thirdParty.origin}/malformed/schemes.json`
  const registries = await openBesideSound(page, thirdParty.origin, url)
  const refused = (name: string, module: string) =>
    `Invalid manifest ${url}: ${GROUP}.${name}: unsupported URL scheme "${module.slice(0, module.indexOf(':') + 1)}" in ${JSON.stringify(module)} (use http or https)`
  await expect(registries.getByRole('alert')).toHaveText([
    refused('js', 'javascript:alert(1)'),
    refused('data', 'data:text/javascript,export default {}'),
    refused('blob', 'blob:http://127.0.0.1/0b6a'),
    refused('file', 'file:///etc/passwd'),
  ])
  await expect(pluginCard(page, 'good').state).toHaveText('Loaded')
})

test('forty bad entries show ten problems and a way to see all of them', async ({ page, thirdParty }) => {
  const url = `${thirdParty.origin}/malformed/bad-entries.json`
  const registries = await openBesideSound(page, thirdParty.origin, url)
  await expect(registries.getByRole('alert')).toHaveCount(10)
  await expect(registries.getByRole('status')).toHaveText('Showing the first 10 of 40 problems.')
  await registries.getByRole('button', { name: 'Show all 40 problems' }).click()
  await expect(registries.getByRole('alert')).toHaveCount(40)
  await expect(registries.getByRole('alert').last()).toHaveText(`Invalid manifest ${url}: ${GROUP}."bad 39": plugin name must match [A-Za-z0-9_.-]+`)
  await expect(pluginCard(page, 'good').state).toHaveText('Loaded')
})

test('a manifest redirected to another origin asks consent for the origin it was read from', async ({ page, thirdParty }) => {
  const requested = `${thirdParty.origin}/redirect/cors/corpus/registry.json?plugins=good`
  const finalOrigin = thirdParty.origin.replace('localhost', '127.0.0.1')
  await page.goto(withRegistries(requested))
  // The first origin is trusted; the manifest and its module now come from the other one.
  const prompt = page.getByRole('alertdialog', { name: `Run plugins from ${finalOrigin}?` })
  await expect(prompt).toBeVisible()
  await expect(pluginCard(page, 'good').state).toHaveText('Waiting for your consent')
  await expect(page.getByRole('region', { name: 'Registries in use' })).toContainText(`redirected to ${finalOrigin}/cors/corpus/registry.json?plugins=good`)
  await prompt.getByRole('button', { name: 'Allow once' }).click()
  await expect(pluginCard(page, 'good').state).toHaveText('Loaded')
  expect(thirdParty.requests).toContain('/cors/corpus/good.js')
  expect(thirdParty.requests).not.toContain('/redirect/cors/corpus/good.js')
})
