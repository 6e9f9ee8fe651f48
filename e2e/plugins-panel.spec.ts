import { expect, test } from '@playwright/test'
import { pluginCard } from './support/pluginsPanel'

test('the bundled registry lists hello with all its fields', async ({ page }) => {
  await page.goto('/')
  const tab = page.getByRole('tab', { name: 'Plugins' })
  await expect(tab).toHaveAttribute('aria-selected', 'true')

  const hello = pluginCard(page, 'hello')
  await expect(hello.state).toHaveText('Loaded')
  await expect(hello.version).toHaveText('1.2.0')
  await expect(hello.description).toHaveText('Says hello: the smallest useful Strataregula plugin')
  await expect(hello.author).toHaveText('Strataregula Playground')
  await expect(hello.commands.getByRole('listitem')).toHaveText(['greet', 'count'])
  await expect(hello.error).toHaveCount(0)

  const registries = page.getByRole('region', { name: 'Registries in use' })
  await expect(registries).toContainText('Strataregula Playground bundled registry')
  await expect(registries).toContainText(new URL('/registry.json', page.url()).href)
})
