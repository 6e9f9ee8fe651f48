import { expect, test, withRegistries } from './support/fixtures'
import { pluginCard } from './support/pluginsPanel'
import type { Page } from '@playwright/test'

function registryControls(page: Page) {
  return {
    url: page.getByLabel('Registry URL'),
    open: page.getByRole('button', { name: 'Open registry' }),
    bundled: page.getByRole('button', { name: 'Back to the bundled registry' }),
    problems: page.getByRole('region', { name: 'Registries in use' }).getByRole('alert'),
  }
}

const pageRegistries = (page: Page) => new URL(page.url()).searchParams.getAll('registry')

test('a registry opened from the field joins the page address, and the bundled one comes back', async ({ page, thirdParty }) => {
  // Four openings of registries, each loading its plugins in fresh sandboxes.
  test.slow()
  await page.goto('./')
  const controls = registryControls(page)
  await expect(pluginCard(page, 'hello').state).toHaveText('Loaded')
  await expect(controls.bundled).toHaveCount(0)

  const registry = `${thirdParty.origin}/cors/execute.json`
  await controls.url.fill(registry)
  await controls.open.click()
  await expect(pluginCard(page, 'outcomes').state).toHaveText('Loaded')
  await expect(pluginCard(page, 'hello').card).toHaveCount(0)
  expect(pageRegistries(page)).toEqual([registry])
  await expect(controls.url).toHaveValue('')

  // A second one is added to the first, as a repeated ?registry= is.
  const second = `${thirdParty.origin}/cors/exists.json`
  await controls.url.fill(second)
  await controls.url.press('Enter')
  await expect.poll(() => pageRegistries(page)).toEqual([registry, second])
  await expect(pluginCard(page, 'outcomes').state).toHaveText('Loaded')

  await controls.bundled.click()
  await expect(pluginCard(page, 'hello').state).toHaveText('Loaded')
  await expect(pluginCard(page, 'outcomes').card).toHaveCount(0)
  expect(pageRegistries(page)).toEqual([])
  await expect(controls.bundled).toHaveCount(0)

  // The browser's Back button returns to the registries opened before.
  await page.goBack({ waitUntil: 'commit' })
  await expect(pluginCard(page, 'outcomes').state).toHaveText('Loaded')
  expect(pageRegistries(page)).toEqual([registry, second])
})

test('a manifest answered as an HTML page says so, and the bundled registry is one click away', async ({ page, baseURL }) => {
  const url = new URL('no-such-registry.json', baseURL).href
  await page.goto(withRegistries(url))
  const controls = registryControls(page)
  await expect(controls.problems).toHaveText(`Could not load registry ${url}: not a registry manifest: the server answered an HTML page (text/html)`)
  await expect(page.getByText('No plugins are declared by the registries in use.')).toBeVisible()

  await controls.bundled.click()
  await expect(pluginCard(page, 'hello').state).toHaveText('Loaded')
  await expect(controls.problems).toHaveCount(0)
  expect(pageRegistries(page)).toEqual([])
})

test('an empty registry URL opens nothing', async ({ page }) => {
  await page.goto('./')
  const controls = registryControls(page)
  await expect(pluginCard(page, 'hello').state).toHaveText('Loaded')
  await controls.url.fill('   ')
  await controls.open.click()
  expect(pageRegistries(page)).toEqual([])
  await expect(pluginCard(page, 'hello').state).toHaveText('Loaded')
})
