import type { Page } from '@playwright/test'
import { GLOBAL_CONFIG_KEY, pluginConfigKey } from '../src/core/storageKeys'
import { expect, test, withRegistries } from './support/fixtures'
import { executePanel } from './support/executePanel'
import { fileRow, folderRow, serveSamples } from './support/filesPanel'
import { pluginCard } from './support/pluginsPanel'

// Python plugins are slow to start (CPython in WebAssembly, seconds on a busy machine): these tests get
// more time, and run one after the other so that two Python runtimes never start at once.
test.describe.configure({ mode: 'serial', timeout: 120_000 })
const PYTHON_READY = { timeout: 90_000 }
/** The frames of Python sandboxes: only theirs may compile WebAssembly. */
const pythonSandboxes = (page: Page) => page.locator('iframe[srcdoc*="wasm-unsafe-eval"]')

const healthRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })

test.describe('Python plugins @slow', () => {
  test("no Python starts with the page; choosing a Python plugin starts it with its stages shown, and its manifest's other plugin runs in the same Python", async ({
    page,
  }) => {
    const runtimeRequests: string[] = []
    page.on('request', (request) => request.url().includes('/pyodide/') && runtimeRequests.push(request.url()))
    await page.goto('./')
    // Every plugin auto-loads but the Python ones, which wait for their first use.
    await expect(pluginCard(page, 'hello').state).toHaveText('Loaded')
    await expect(pluginCard(page, 'hello_py').state).toHaveText('Not loaded')
    await expect(pluginCard(page, 'hello_py').card.locator('[data-field="starts-on-use"]')).toHaveText(
      'Python starts when the plugin is first used: Execute, Health or Load.',
    )
    await expect(pluginCard(page, 'pattern_expander').state).toHaveText('Not loaded')
    expect(runtimeRequests).toEqual([])
    await expect(pythonSandboxes(page)).toHaveCount(0)

    const execute = executePanel(page)
    await execute.open()
    await execute.plugin.selectOption('hello_py')
    await expect(page.locator('[data-loading-plugin="hello_py"]')).toHaveText(/hello_py: (Downloading the Python runtime…|Starting Python…|Installing wheels…)/)
    await execute.start('hello_py', 'greet', 'who: Ada')
    await expect(execute.outcome).toContainText('Command executed successfully', PYTHON_READY)
    expect(await execute.resultObject()).toEqual({ status: 'success', greeting: 'Hello, Ada!' })
    await expect(execute.log).toContainText('greeting Ada')

    // The bundled workspace sample services.yaml, expanded by the second Python plugin of the registry.
    await execute.start('pattern_expander', 'expand')
    await expect(execute.outcome).toContainText('Command executed successfully', PYTHON_READY)
    expect(await execute.resultObject()).toMatchObject({ status: 'success', input: 'services.yaml', output: 'expanded.json', patterns: 5 })
    await expect(execute.log).toContainText('reading services.yaml')
    await expect(pythonSandboxes(page)).toHaveCount(1)
    await page.getByRole('tab', { name: 'Files' }).click()
    await expect(fileRow(page, 'expanded.json').row).toBeVisible()
  })

  test('the Load button shows the stages on the card; print() reaches the log while the command runs, and Cancel stops a Python loop', async ({ page }) => {
    await page.goto('./')
    const hello = pluginCard(page, 'hello_py')
    await hello.card.getByRole('button', { name: 'Load hello_py' }).click()
    await expect(hello.card.locator('[data-field="load-stage"]')).toHaveText(/Downloading the Python runtime…|Starting Python…|Installing wheels…/)
    await expect(hello.state).toHaveText('Loaded', PYTHON_READY)
    await expect(hello.commands).toHaveText(/greet\s*count/)

    const execute = executePanel(page)
    await execute.start('hello_py', 'count', 'to: 100000\ninterval_ms: 20')
    await expect(execute.log).toContainText('step 3')
    await expect(execute.cancel).toBeVisible()
    await execute.cancel.click()
    await expect(execute.outcome).toContainText('Command failed: Plugin execution cancelled')
    await expect(execute.cancel).toHaveCount(0)
    // The next run starts a fresh Python.
    await execute.start('hello_py', 'greet', 'who: Grace')
    await expect(execute.outcome).toContainText('Command executed successfully', PYTHON_READY)
  })

  test("a published plugin's health, exception, memory budget, threads, processes, configuration files, workspace and time limit", async ({
    page,
    thirdParty,
  }) => {
    await page.addInitScript(([key, text]) => localStorage.setItem(key, text), [pluginConfigKey('probe'), '# probe settings\ndepth: 3\n'])
    await serveSamples(page, { 'change.txt': 'as uploaded\n', 'remove.txt': 'to be removed\n', 'keep.csv': 'a,b\n' })
    await page.goto(withRegistries(`${thirdParty.origin}/cors/python-probe.json`))
    await expect(pluginCard(page, 'probe').state).toHaveText('Not loaded')

    await page.getByRole('tab', { name: 'Health' }).click()
    await page.getByRole('button', { name: 'Check all' }).click()
    await expect(healthRow(page, 'probe').locator('[data-field="status"]')).toHaveText('Healthy', PYTHON_READY)
    await expect(healthRow(page, 'probe').locator('[data-field="details"]')).toContainText('probe 0.3.0')

    const execute = executePanel(page)
    await execute.start('probe', 'fail', 'seed: 3')
    await expect(execute.outcome).toContainText('Command failed: Plugin execution failed: ValueError: bad seed')
    await expect(execute.log).toContainText('Traceback (most recent call last):')

    // Past its memory budget an allocation fails in Python; the sandbox lives on for the next command.
    await execute.start('probe', 'hog')
    await expect(execute.outcome).toContainText("Command failed: Plugin execution failed: MemoryError (Python's memory may not grow past 1 GiB)", PYTHON_READY)
    await expect(execute.log).toContainText("Memory budget reached: Python's memory may not grow past 1 GiB; an allocation failed with MemoryError")

    await execute.start('probe', 'threads')
    await expect(execute.outcome).toContainText('Command executed successfully')
    expect(await execute.resultObject()).toEqual({ status: 'success', threads: [0, 1, 2], squares: [0, 1, 4, 9, 16] })

    await execute.start('probe', 'spawn')
    await expect(execute.outcome).toContainText(
      'Command failed: Plugin execution failed: OSError: the playground cannot start processes (asked to run: echo hi)',
    )

    await execute.start('probe', 'settings')
    await expect(execute.outcome).toContainText('Command executed successfully')
    const stored = await page.evaluate((key) => localStorage.getItem(key), GLOBAL_CONFIG_KEY)
    expect(await execute.resultObject()).toEqual({ status: 'success', files: { 'config.yaml': stored, 'probe.yaml': '# probe settings\ndepth: 3\n' } })

    // The workspace is the working directory: what the plugin wrote, changed and removed is in the Files panel.
    await execute.start('probe', 'files')
    await expect(execute.outcome).toContainText('Command executed successfully')
    expect(await execute.resultObject()).toEqual({ status: 'success', cwd: '/workspace', files: ['change.txt', 'keep.csv', 'out'] })
    await page.getByRole('tab', { name: 'Files' }).click()
    await folderRow(page, 'out').toggle.click()
    await expect(fileRow(page, 'out/new.txt').row).toBeVisible()
    await expect(fileRow(page, 'keep.csv').row).toBeVisible()
    await expect(fileRow(page, 'remove.txt').row).toHaveCount(0)
    await fileRow(page, 'change.txt').view.click()
    await expect(page.getByText('changed by Python')).toBeVisible()

    await execute.start('probe', 'spin', '', 2)
    await expect(execute.outcome).toContainText('Command failed: Plugin execution timed out after 2000 ms')
  })
})
