import { expect, test, withRegistries } from './support/fixtures'
import { executePanel } from './support/executePanel'

test('a share link reopens the registries, plugin, command and arguments without running anything', async ({ page, context, thirdParty }) => {
  const registry = `${thirdParty.origin}/cors/execute.json`
  await page.goto(withRegistries(registry))
  const execute = executePanel(page)
  await execute.open()
  await execute.plugin.selectOption('outcomes')
  await execute.command.selectOption('async_ok')
  const args = 'n: 21 # the answer, halved\nlabel: "ünïcode ✓"'
  await execute.argumentsInput.fill(args)
  await page.getByRole('button', { name: 'Share' }).click()
  const link = await page.getByLabel('Share link').inputValue()
  expect(new URL(link).searchParams.getAll('registry')).toEqual([registry])
  expect(new URL(link).hash).toMatch(/^#run=[A-Za-z0-9_-]+$/)

  const opened = await context.newPage()
  await opened.goto(link)
  const reopened = executePanel(opened)
  await expect(reopened.tab).toHaveAttribute('aria-selected', 'true')
  await expect(reopened.plugin).toHaveValue('outcomes')
  await expect(reopened.command).toHaveValue('async_ok')
  await expect(reopened.argumentsInput).toHaveValue(args)
  await expect(opened.getByText('Opened from a shared link: check the arguments, then press Run.')).toBeVisible()
  // Once the plugin has loaded, nothing has run by itself.
  await expect(reopened.plugin.locator('option[value="outcomes"]')).toBeEnabled()
  await expect(reopened.run).toBeEnabled()
  await expect(reopened.result).toHaveCount(0)
  await expect(reopened.history).toHaveCount(0)

  await reopened.run.click()
  expect(await reopened.resultObject()).toEqual({ status: 'success', doubled: 42 })
})

test('a share link whose registry answers late still fills the command once the plugin loads', async ({ page, context }) => {
  await page.goto('/')
  const execute = executePanel(page)
  await execute.open()
  await expect(execute.plugin.locator('option[value="hello"]')).toBeEnabled()
  await execute.plugin.selectOption('hello')
  await execute.command.selectOption('count')
  await page.getByRole('button', { name: 'Share' }).click()
  const link = await page.getByLabel('Share link').inputValue()

  // The form is filled from the link before the registry lists its plugins.
  const opened = await context.newPage()
  let answerRegistry!: () => void
  const registryHeld = new Promise<void>((resolve) => (answerRegistry = resolve))
  await opened.route('**/registry.json', async (route) => {
    await registryHeld
    await route.continue()
  })
  await opened.goto(link)
  const reopened = executePanel(opened)
  await expect(opened.getByText('Opened from a shared link: check the arguments, then press Run.')).toBeVisible()
  answerRegistry()
  await expect(reopened.plugin).toHaveValue('hello')
  await expect(reopened.command).toHaveValue('count')
  await expect(reopened.run).toBeEnabled()
})

test('a link to the bundled registry carries no registry parameter', async ({ page }) => {
  await page.goto('/')
  const execute = executePanel(page)
  await execute.start('hello', 'greet', 'who: Ada')
  await page.getByRole('button', { name: 'Share' }).click()
  const link = new URL(await page.getByLabel('Share link').inputValue())
  expect(link.search).toBe('')
})

test('arguments too large for a link are refused with a clear message', async ({ page }) => {
  await page.goto('/')
  const execute = executePanel(page)
  await execute.open()
  const noise = Array.from({ length: 6000 }, (_, index) => `k${index}: ${((index * 2654435761) % 4294967296).toString(36)}`).join('\n')
  // Typing 100 kB key by key takes Chromium minutes; paste it in one input event instead.
  await execute.argumentsInput.evaluate((element, text) => {
    ;(element as HTMLTextAreaElement).value = text
    element.dispatchEvent(new Event('input', { bubbles: true }))
  }, noise)
  await page.getByRole('button', { name: 'Share' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'too large to share' })).toHaveText(
    /^These arguments are too large to share in a link: [\d,]+ characters compressed, the limit is 32,000\. Put the data in a workspace file instead\.$/,
  )
  await expect(page.getByLabel('Share link')).toHaveCount(0)
})

test('a damaged share link is reported and ignored', async ({ page }) => {
  await page.goto('/#run=AAAA')
  await expect(page.getByText(/^This share link is damaged and was ignored \(.+\)$/)).toBeVisible()
})

test('away from the Execute panel, Share links the registries only', async ({ page, thirdParty }) => {
  const registry = `${thirdParty.origin}/cors/execute.json`
  await page.goto(withRegistries(registry))
  await page.getByRole('tab', { name: 'Health' }).click()
  await page.getByRole('button', { name: 'Share' }).click()
  const link = new URL(await page.getByLabel('Share link').inputValue())
  expect(link.searchParams.getAll('registry')).toEqual([registry])
  expect(link.hash).toBe('')
})

test('a share link opened in a tab that already shows the page fills the form too', async ({ page }) => {
  await page.goto('/')
  const execute = executePanel(page)
  await execute.open()
  await execute.plugin.selectOption('hello')
  await execute.command.selectOption('greet')
  await execute.argumentsInput.fill('who: again')
  await page.getByRole('button', { name: 'Share' }).click()
  const link = await page.getByLabel('Share link').inputValue()

  await page.getByRole('tab', { name: 'Plugins' }).click()
  await execute.open()
  await execute.argumentsInput.fill('who: changed')
  await page.goto('/')
  await page.goto(link)
  await expect(execute.tab).toHaveAttribute('aria-selected', 'true')
  await expect(execute.argumentsInput).toHaveValue('who: again')
})
