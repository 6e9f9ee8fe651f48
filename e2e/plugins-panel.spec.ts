import { expect, test, withRegistries } from './support/fixtures'
import { executePanel } from './support/executePanel'
import { pluginCard, pluginsPanel } from './support/pluginsPanel'

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

test('the summary counts the plugins and the filter narrows them by name, description or author', async ({ page }) => {
  await page.goto('/')
  const panel = pluginsPanel(page)
  // The DOE Runner is the largest plugin to load: on a busy machine, longer than the usual wait.
  await expect(pluginCard(page, 'doe_runner').state).toHaveText('Loaded', { timeout: 30_000 })
  await expect(panel.summary).toHaveText(/^\d+ plugins, \d+ loaded/)
  const total = await panel.cards.count()
  const summary = await panel.summary.textContent()
  await expect(panel.filterOutcome).toHaveCount(0)

  await panel.filter.fill('DOE')
  await expect(panel.cards).toHaveCount(1)
  await expect(pluginCard(page, 'doe_runner').card).toBeVisible()
  await expect(panel.filterOutcome).toHaveText(`1 of ${total} plugins matches`)

  await panel.filter.fill('restaurant')
  await expect(pluginCard(page, 'restaurant_config').card).toBeVisible()

  await panel.filter.fill('strataregula playground')
  await expect(panel.filterOutcome).toHaveText(new RegExp(`^\\d of ${total} plugins match(es)?$`))
  await expect(pluginCard(page, 'hello').card).toBeVisible()

  await panel.filter.fill('no such plugin')
  await expect(panel.cards).toHaveCount(0)
  await expect(panel.filterOutcome).toHaveText('No plugin matches "no such plugin"')
  // The summary still counts every plugin: the filter only hides cards.
  await expect(panel.summary).toHaveText(summary ?? '')

  await panel.filter.fill('')
  await expect(panel.cards).toHaveCount(total)
})

test('the summary adds failed plugins and those waiting for consent', async ({ page, thirdParty, untrustedThirdParty }) => {
  await page.goto(withRegistries(`${thirdParty.origin}/cors/corpus/registry.json`, `${untrustedThirdParty.origin}/cors/manuals/registry.json`))
  // Diagnosing each broken plugin takes a few requests: on a busy machine, longer than the usual wait.
  await expect(pluginsPanel(page).summary).toHaveText('17 plugins, 3 loaded, 10 failed, 4 waiting', { timeout: 30_000 })
})

test('a command name on a card opens Execute with that command chosen', async ({ page }) => {
  await page.goto('/')
  const hello = pluginCard(page, 'hello')
  await expect(hello.state).toHaveText('Loaded')
  await hello.commands.getByRole('button', { name: 'count' }).click()

  const execute = executePanel(page)
  await expect(execute.tab).toHaveAttribute('aria-selected', 'true')
  await expect(execute.plugin).toHaveValue('hello')
  await expect(execute.command).toHaveValue('count')
})

test("a bundled plugin's manual is its README, shown in the page", async ({ page }) => {
  await page.goto('/')
  const doe = pluginCard(page, 'doe_runner')
  await expect(doe.manual).toHaveAttribute('href', new URL('/plugins/doe-runner/README.md', page.url()).href)
  await doe.manual.click()

  const dialog = page.getByRole('dialog', { name: 'Manual of doe_runner' })
  await expect(dialog.getByRole('heading', { name: 'DOE Runner (doe_runner 0.1.0)' })).toBeVisible()
  await expect(dialog.getByRole('table').first()).toContainText('execute_cases')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(doe.manual).toBeFocused()

  for (const name of ['hello', 'restaurant_config']) await expect(pluginCard(page, name).manual).toBeVisible()
})

test("manuals from a manifest's docs or from get_info().docs_url; Markdown is shown without running its HTML", async ({ page, thirdParty }) => {
  const base = `${thirdParty.origin}/cors/manuals/`
  await page.goto(withRegistries(`${base}registry.json`))
  await expect(pluginCard(page, 'info_docs').state).toHaveText('Loaded')
  await expect(pluginCard(page, 'info_docs').manual).toHaveAttribute('href', `${base}docs/index.html`)
  await expect(pluginCard(page, 'page_docs').manual).toHaveAttribute('href', 'https://docs.example.invalid/page-docs/')
  await expect(pluginCard(page, 'page_docs').manual).toHaveAttribute('target', '_blank')

  await pluginCard(page, 'markdown_docs').manual.click()
  const dialog = page.getByRole('dialog', { name: 'Manual of markdown_docs' })
  await expect(dialog.getByRole('heading', { name: 'Manual fixture' })).toBeVisible()
  await expect(dialog.getByRole('link', { name: 'relative link' })).toHaveAttribute('href', `${base}other.md`)
  await expect(dialog).toContainText("<script>document.title = 'manual script ran'</script>")
  await expect(dialog.getByRole('link', { name: 'a javascript link' })).toHaveCount(0)
  expect(await page.title()).toBe('Strataregula Playground')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)

  await pluginCard(page, 'missing_docs').manual.click()
  await expect(page.getByRole('dialog', { name: 'Manual of missing_docs' }).getByRole('alert')).toHaveText(
    `Could not load the manual of missing_docs: HTTP 404 Not Found for ${base}no-such-manual.md`,
  )
})
