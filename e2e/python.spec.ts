import type { Page } from '@playwright/test'
import { GLOBAL_CONFIG_KEY, pluginConfigKey } from '../src/core/storageKeys'
import { expect, presetConfig, test, withRegistries } from './support/fixtures'
import { executePanel } from './support/executePanel'
import { fileRow, serveSamples } from './support/filesPanel'
import { pluginCard } from './support/pluginsPanel'

// Python plugins are slow to start (CPython in WebAssembly, seconds on a busy machine): these tests get
// more time, and run one after the other so that two Python runtimes never start at once.
test.describe.configure({ mode: 'serial', timeout: 120_000 })
const PYTHON_READY = { timeout: 90_000 }

/** Opens the bundled registry with only hello_py loaded (the registry's other Python plugin stays listed). */
async function openWithHelloPy(page: Page) {
  await presetConfig(page, 'discovery:\n  auto_load: false\n')
  await page.goto('./')
  const hello = pluginCard(page, 'hello_py')
  await hello.card.getByRole('button', { name: 'Load hello_py' }).click()
  return hello
}

test.describe('Python plugins @slow', () => {
  test('a Python plugin shows how its load goes, then runs a command from the Execute panel', async ({ page }) => {
    const hello = await openWithHelloPy(page)
    await expect(hello.card.locator('[data-field="load-stage"]')).toHaveText(/Downloading the Python runtime…|Starting Python…|Installing wheels…/)
    await expect(hello.state).toHaveText('Loaded', PYTHON_READY)
    await expect(hello.commands).toHaveText(/greet\s*count/)
    const execute = executePanel(page)
    await execute.start('hello_py', 'greet', 'who: Ada')
    await expect(execute.outcome).toContainText('Command executed successfully')
    expect(await execute.resultObject()).toEqual({ status: 'success', greeting: 'Hello, Ada!' })
    await expect(execute.log).toContainText('greeting Ada')
  })

  test('print() reaches the log while the command runs, and Cancel stops a Python loop', async ({ page }) => {
    await expect((await openWithHelloPy(page)).state).toHaveText('Loaded', PYTHON_READY)
    const execute = executePanel(page)
    await execute.start('hello_py', 'count', 'to: 100000\ninterval_ms: 20')
    await expect(execute.log).toContainText('step 3')
    await expect(execute.cancel).toBeVisible()
    await execute.cancel.click()
    await expect(execute.outcome).toContainText('Command failed: Plugin execution cancelled')
    await expect(execute.cancel).toHaveCount(0)
  })

  test("a published plugin's exception, threads, processes and its configuration files", async ({ page, thirdParty }) => {
    await page.addInitScript(([key, text]) => localStorage.setItem(key, text), [pluginConfigKey('probe'), '# probe settings\ndepth: 3\n'])
    await page.goto(withRegistries(`${thirdParty.origin}/cors/python-probe.json`))
    await expect(pluginCard(page, 'probe').state).toHaveText('Loaded', PYTHON_READY)
    const execute = executePanel(page)

    await execute.start('probe', 'fail', 'seed: 3')
    await expect(execute.outcome).toContainText('Command failed: Plugin execution failed: ValueError: bad seed')
    await expect(execute.log).toContainText('Traceback (most recent call last):')

    await execute.start('probe', 'threads')
    await expect(execute.outcome).toContainText('Command executed successfully')
    expect(await execute.resultObject()).toEqual({ status: 'success', threads: [0, 1, 2], squares: [0, 1, 4, 9, 16] })

    await execute.start('probe', 'spawn')
    await expect(execute.outcome).toContainText('Command failed: Plugin execution failed: OSError: the playground cannot start processes (asked to run: echo hi)')

    await execute.start('probe', 'settings')
    await expect(execute.outcome).toContainText('Command executed successfully')
    const stored = await page.evaluate((key) => localStorage.getItem(key), GLOBAL_CONFIG_KEY)
    expect(await execute.resultObject()).toEqual({ status: 'success', files: { 'config.yaml': stored, 'probe.yaml': '# probe settings\ndepth: 3\n' } })
  })

  test('the workspace is the working directory: what the plugin wrote, changed and removed is in the Files panel', async ({ page, thirdParty }) => {
    await serveSamples(page, { 'change.txt': 'as uploaded\n', 'remove.txt': 'to be removed\n', 'keep.csv': 'a,b\n' })
    await page.goto(withRegistries(`${thirdParty.origin}/cors/python-probe.json`))
    await expect(pluginCard(page, 'probe').state).toHaveText('Loaded', PYTHON_READY)
    const execute = executePanel(page)
    await execute.start('probe', 'files')
    await expect(execute.outcome).toContainText('Command executed successfully')
    expect(await execute.resultObject()).toEqual({ status: 'success', cwd: '/workspace', files: ['change.txt', 'keep.csv', 'out'] })

    await page.getByRole('tab', { name: 'Files' }).click()
    await expect(fileRow(page, 'out/new.txt').row).toBeVisible()
    await expect(fileRow(page, 'keep.csv').row).toBeVisible()
    await expect(fileRow(page, 'remove.txt').row).toHaveCount(0)
    await fileRow(page, 'change.txt').view.click()
    await expect(page.getByText('changed by Python')).toBeVisible()
  })
})
