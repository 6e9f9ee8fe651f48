import { expect, test, withRegistries } from './support/fixtures'
import { pluginCard } from './support/pluginsPanel'

test('a registry on a second origin with CORS loads its plugins', async ({ page, thirdParty }) => {
  await page.goto(withRegistries(`${thirdParty.origin}/cors/corpus/registry.json`))
  const good = pluginCard(page, 'good')
  await expect(good.state).toHaveText('Loaded')
  await expect(good.version).toHaveText('2.0.0')
  await expect(good.author).toHaveText('Fixture Author')
  await expect(page.getByRole('region', { name: 'Registries in use' })).toContainText('Broken plugin corpus')
  await expect(pluginCard(page, 'hello').card).toHaveCount(0)
})

test('the same registry without CORS fails with a message saying so', async ({ page, thirdParty }) => {
  const url = `${thirdParty.origin}/nocors/corpus/registry.json`
  await page.goto(withRegistries(url))
  await expect(page.getByRole('region', { name: 'Registries in use' }).getByRole('alert')).toHaveText(
    `Could not load registry ${url}: CORS refused: ${url} was served without Access-Control-Allow-Origin`,
  )
  await expect(page.getByText('No plugins are declared by the registries in use.')).toBeVisible()
})

test('several registries merge, the later one wins and the shadowing is shown', async ({ page, thirdParty }) => {
  const corpus = `${thirdParty.origin}/cors/corpus/registry.json`
  const loops = `${thirdParty.origin}/cors/loops.json`
  await page.goto(withRegistries(loops, corpus))
  await expect(page.getByRole('region', { name: 'Registries in use' })).toContainText(`good from ${loops} is shadowed by ${corpus}`)
  // Listed with loops in one discovery sandbox, good is discovered again once loops blocks that sandbox.
  await expect(pluginCard(page, 'good').state).toHaveText('Loaded', { timeout: 10_000 })
})
