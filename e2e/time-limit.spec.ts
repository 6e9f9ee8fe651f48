import { expect, test, withRegistries } from './support/fixtures'
import { pluginCard } from './support/pluginsPanel'

test('a plugin whose get_info loops forever fails at its time limit and never freezes the page', async ({ page, thirdParty }) => {
  await page.goto(withRegistries(`${thirdParty.origin}/cors/loops.json`))
  const loops = pluginCard(page, 'loops')
  await expect(loops.state).toHaveText('Loading…')
  // good shares a discovery sandbox with loops: it is discovered again once loops blocks that sandbox.
  await expect(pluginCard(page, 'good').state).toHaveText('Loaded', { timeout: 10_000 })

  // The responsiveness bar: while the plugin loops, a tab click answers within one second.
  const tab = page.getByRole('tab', { name: 'Plugins' })
  const started = Date.now()
  await tab.click()
  await expect(tab).toBeFocused()
  expect(Date.now() - started).toBeLessThan(1000)
  await expect(loops.state).toHaveText('Loading…')

  await expect(loops.error).toHaveText('Failed to load plugin loops: timed out after 5000 ms in get_info()', { timeout: 10_000 })
  await expect(loops.state).toHaveText('Failed')
})
