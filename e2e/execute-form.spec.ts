import { deflateRawSync } from 'node:zlib'
import { expect, test, withRegistries } from './support/fixtures'
import { executePanel } from './support/executePanel'

const TIME = /\d{2}:\d{2}:\d{2}/

test.describe('Execute panel form', () => {
  test('the chosen command says what it does and takes, starts from its example, and warns of an undeclared argument', async ({ page }) => {
    await page.goto('/')
    const execute = executePanel(page)
    await execute.open()
    await expect(execute.plugin.locator('option[value="restaurant_config"]')).toBeEnabled()
    await execute.plugin.selectOption('restaurant_config')
    await execute.command.selectOption('validate_config')

    const help = page.getByRole('region', { name: 'About validate_config' })
    await expect(help).toContainText('Checks a restaurant configuration against the schema and the semantic rules')
    await expect(help.locator('dt')).toHaveText(['config_path required', 'strict optional'])
    await expect(execute.argumentsInput).toHaveValue('config_path: restaurant.yaml\n')
    await expect(execute.argumentsWarning).toBeEmpty()

    await execute.argumentsInput.fill('config_path: restaurant.yaml\nstrictt: false')
    await expect(execute.argumentsWarning).toHaveText('validate_config does not declare the argument strictt: it takes config_path, strict')
    // A warning, not a refusal: the plugin decides what it does with the argument.
    await execute.run.click()
    await expect(execute.outcome).toContainText('Command executed successfully')
  })

  test('a malformed command description is ignored with a note and the plugin still runs', async ({ page, thirdParty }) => {
    await page.goto(withRegistries(`${thirdParty.origin}/cors/help.json`))
    const execute = executePanel(page)
    await execute.open()
    await expect(execute.plugin.locator('option[value="bad_help"]')).toBeEnabled()
    await execute.command.selectOption('shout')
    await expect(page.getByText('get_info().commands.shout was ignored: arguments is not an object')).toBeVisible()
    await expect(page.getByRole('region', { name: 'About shout' })).toHaveCount(0)
    await execute.argumentsInput.fill('text: hey')
    await execute.run.click()
    expect(await execute.resultObject()).toEqual({ status: 'success', shouted: 'HEY' })

    await execute.command.selectOption('echo')
    await expect(page.getByRole('region', { name: 'About echo' })).toContainText('Returns its arguments')
    await expect(execute.argumentsInput).toHaveValue('text: hi\n')
  })

  test('each plugin and command keeps its own arguments and result, and the result says which run it is', async ({ page }) => {
    await page.goto('/')
    const execute = executePanel(page)
    await execute.start('hello', 'greet', 'who: Ada')
    await expect(execute.outcome).toContainText('Command executed successfully')
    await expect(execute.runTitle).toHaveText(new RegExp(`^Run 1: hello\\.greet, started ${TIME.source}$`))

    await execute.plugin.selectOption('doe_runner')
    await expect(execute.command).toHaveValue('execute_cases')
    await expect(execute.argumentsInput).toHaveValue('cases_path: cases.csv\nmax_workers: 4\n')
    await expect(execute.result).toHaveCount(0)
    await expect(execute.runTitle).toHaveCount(0)

    await execute.plugin.selectOption('hello')
    await expect(execute.command).toHaveValue('greet')
    await expect(execute.argumentsInput).toHaveValue('who: Ada')
    expect(await execute.resultObject()).toEqual({ status: 'success', greeting: 'Hello, Ada!' })

    await execute.command.selectOption('count')
    await expect(execute.argumentsInput).toHaveValue('to: 10\ninterval_ms: 100\n')
    await expect(execute.result).toHaveCount(0)
  })

  test('Cancel leaves the progress where it stopped, lists the run as cancelled and keeps the focus on the form', async ({ page }) => {
    await page.goto('/')
    const execute = executePanel(page)
    await execute.start('hello', 'count', 'to: 500\ninterval_ms: 20', 60)
    await expect(execute.cancel).toBeFocused()
    await expect(page.getByText(/^([3-9]|\d\d+) \/ 500$/)).toBeVisible()
    await execute.cancel.click()
    await expect(execute.outcome).toContainText('Command failed: Plugin execution cancelled')
    await expect(execute.run).toBeFocused()

    const label = await page.locator('.progress-text').innerText()
    const done = Number(label.split(' / ')[0])
    expect(done).toBeLessThan(500)
    await expect(execute.progress).toHaveAttribute('value', String(done))
    await expect(execute.progress).toHaveAttribute('max', '500')
    await expect(execute.history.getByRole('row').nth(1).getByRole('cell').nth(2)).toHaveText('cancelled')
  })

  test('Ctrl+Enter in the form runs the command', async ({ page }) => {
    await page.goto('/')
    const execute = executePanel(page)
    await execute.open()
    await expect(execute.plugin.locator('option[value="hello"]')).toBeEnabled()
    await execute.plugin.selectOption('hello')
    await execute.argumentsInput.fill('who: keyboard')
    await execute.argumentsInput.press('Control+Enter')
    expect(await execute.resultObject()).toEqual({ status: 'success', greeting: 'Hello, keyboard!' })
    await expect(execute.argumentsInput).toBeFocused()
  })

  test('the run history and the form survive a reload', async ({ page }) => {
    await page.goto('/')
    const execute = executePanel(page)
    await execute.start('hello', 'greet', 'who: before reload', 9)
    await expect(execute.outcome).toContainText('Command executed successfully')
    await execute.command.selectOption('count')
    await execute.argumentsInput.fill('to: 3')

    await page.reload()
    await execute.open()
    await expect(execute.history.getByRole('row')).toHaveCount(2)
    await expect(execute.history.getByRole('row').nth(1)).toContainText('hello.greet')
    await expect(execute.plugin).toHaveValue('hello')
    await expect(execute.command).toHaveValue('count')
    await expect(execute.argumentsInput).toHaveValue('to: 3')

    await execute.command.selectOption('greet')
    await expect(execute.argumentsInput).toHaveValue('who: before reload')
    await expect(execute.timeLimit).toHaveValue('9')
    expect(await execute.resultObject()).toEqual({ status: 'success', greeting: 'Hello, before reload!' })
    await expect(execute.runTitle).toHaveText(new RegExp(`^Run 1: hello\\.greet, started ${TIME.source}$`))
  })

  test('arguments typed while the registry still loads are kept for the plugin chosen when it has', async ({ page }) => {
    let answerRegistry!: () => void
    const registryHeld = new Promise<void>((resolve) => (answerRegistry = resolve))
    await page.route('**/registry.json', async (route) => {
      await registryHeld
      await route.continue()
    })
    await page.goto('/')
    const execute = executePanel(page)
    await execute.open()
    await execute.argumentsInput.fill('who: typed early')
    answerRegistry()
    await expect(execute.plugin.locator('option[value="hello"]')).toBeEnabled()
    await expect(execute.command).not.toHaveValue('')
    await expect(execute.argumentsInput).toHaveValue('who: typed early')
  })

  test('Copy result puts the result object on the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto('/')
    const execute = executePanel(page)
    await execute.start('hello', 'greet', 'who: clipboard')
    await expect(execute.outcome).toContainText('Command executed successfully')
    await execute.result.getByRole('button', { name: 'Copy result' }).click()
    await expect(execute.result.getByText('Result copied to the clipboard.')).toBeVisible()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(JSON.parse(copied)).toEqual({ status: 'success', greeting: 'Hello, clipboard!' })
  })

  test('a share link keeps the time limit, and a link made before it did still opens', async ({ page, context }) => {
    await page.goto('/')
    const execute = executePanel(page)
    await execute.open()
    await expect(execute.plugin.locator('option[value="hello"]')).toBeEnabled()
    await execute.plugin.selectOption('hello')
    await execute.command.selectOption('count')
    await execute.timeLimit.fill('7.5')
    await page.getByRole('button', { name: 'Share' }).click()
    const link = await page.getByLabel('Share link').inputValue()

    const opened = await context.newPage()
    await opened.goto(link)
    const reopened = executePanel(opened)
    await expect(reopened.command).toHaveValue('count', { timeout: 20_000 })
    await expect(reopened.timeLimit).toHaveValue('7.5')

    const oldHash = deflateRawSync(JSON.stringify(['hello', 'greet', 'who: from an old link'])).toString('base64url')
    const old = await context.newPage()
    await old.goto(`/#run=${oldHash}`)
    const fromOld = executePanel(old)
    await expect(fromOld.argumentsInput).toHaveValue('who: from an old link')
    await expect(fromOld.timeLimit).toHaveValue('60')
  })
})
