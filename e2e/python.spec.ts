import { expect, test } from './support/fixtures'
import { executePanel } from './support/executePanel'
import { pluginCard } from './support/pluginsPanel'

// Each test starts CPython in a sandbox (seconds on a busy machine): give them room, and run them one after the other.
test.describe.configure({ mode: 'serial', timeout: 120_000 })
const PYTHON_READY = { timeout: 90_000 }

test('a Python plugin shows how its load goes, then runs a command from the Execute panel', async ({ page }) => {
  await page.goto('./')
  const hello = pluginCard(page, 'hello_py')
  await expect(hello.card.locator('[data-field="load-stage"]')).toHaveText(/Downloading the Python runtime…|Starting Python…|Installing wheels…/)
  await expect(hello.state).toHaveText('Loaded', PYTHON_READY)
  const execute = executePanel(page)
  await execute.start('hello_py', 'greet', 'who: Ada')
  await expect(execute.outcome).toHaveText('Command executed successfully')
  expect(await execute.resultObject()).toEqual({ status: 'success', greeting: 'Hello, Ada!' })
  await expect(execute.log).toContainText('greeting Ada')
})
