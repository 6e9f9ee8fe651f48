import { expect, test } from './support/fixtures'
import { executePanel } from './support/executePanel'
import { pluginCard } from './support/pluginsPanel'

// The README's run command, `npm run dev`: Vite's dev server, not the production build the other specs use.
test('on the dev server the bundled plugins load and a command runs', async ({ page }) => {
  await page.goto('./')
  for (const name of ['hello', 'doe_runner', 'restaurant_config']) await expect(pluginCard(page, name).state).toHaveText('Loaded')

  const execute = executePanel(page)
  await execute.start('hello', 'greet', 'who: dev server')
  await expect(execute.outcome).toContainText('Command executed successfully')
  expect(await execute.resultObject()).toMatchObject({ status: 'success', greeting: 'Hello, dev server!' })
})

test('the dev server opens only the sandbox files to other origins', async ({ request }) => {
  const runtime = await request.get('./runtime/sandbox-runtime.js')
  expect(runtime.headers()['access-control-allow-origin']).toBe('*')
  expect(runtime.headers()['content-type']).toMatch(/^text\/javascript/)
  // One self-contained module: nothing of Vite's client, no import of the project's sources.
  expect(await runtime.text()).not.toMatch(/^\s*import\s|\/@vite\//m)
  for (const path of ['./registry.json', './plugins/hello/plugin.js']) {
    const headers = (await request.get(path)).headers()
    expect(headers['access-control-allow-origin']).toBe('*')
    // Revalidated on every load: an edit to public/plugins/ shows on the next reload.
    expect(headers['cache-control']).toBe('no-cache')
  }
  for (const path of ['./', './src/runtime/protocol.ts', './src/main.ts'])
    expect((await request.get(path)).headers()['access-control-allow-origin']).toBeUndefined()
})

test('the dev server renders the documentation from its Markdown, as the build does', async ({ page }) => {
  await page.goto('./help.html')
  await page.getByRole('link', { name: 'Hosting a registry' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hosting a registry')
  await expect(page.getByRole('heading', { name: 'Consent' })).toHaveAttribute('id', 'consent')
})
