import { expect, test, withRegistries } from './support/fixtures'
import { CLICK_ANSWER_MS, clickAnswerMs } from './support/clickAnswer'
import { executePanel } from './support/executePanel'

test.describe('Execute panel outcomes', () => {
  test.beforeEach(async ({ page, thirdParty }) => {
    await page.goto(withRegistries(`${thirdParty.origin}/cors/execute.json`))
  })

  const outcomes: Array<[string, string, string, Record<string, unknown>]> = [
    ['sync_ok', 'who: world\nn: 2', 'Command executed successfully', { status: 'success', got: { who: 'world', n: 2 } }],
    ['async_ok', '{"n": 21}', 'Command executed successfully', { status: 'success', doubled: 42 }],
    ['throws', '', 'Command failed: Plugin execution failed: kaboom', { status: 'error', message: 'Plugin execution failed: kaboom' }],
    ['rejects', '', 'Command failed: Plugin execution failed: value out of range', { status: 'error', message: 'Plugin execution failed: value out of range' }],
    ['returns_number', '', 'Command failed: Plugin returned an invalid result', { status: 'error', message: 'Plugin returned an invalid result' }],
    ['returns_no_status', '', 'Command failed: Plugin returned an invalid result', { status: 'error', message: 'Plugin returned an invalid result' }],
    ['returns_function', '', 'Command failed: Plugin returned an invalid result', { status: 'error', message: 'Plugin returned an invalid result' }],
    ['ghost', '', 'Command failed: Command ghost not supported', { status: 'error', message: 'Command ghost not supported' }],
  ]
  for (const [command, args, outcome, result] of outcomes) {
    test(`${command} → ${outcome}`, async ({ page }) => {
      const execute = executePanel(page)
      await execute.start('outcomes', command, args)
      await expect(execute.outcome).toContainText(outcome)
      expect(await execute.resultObject()).toEqual(result)
    })
  }

  test('invalid arguments give the line and column and start no run', async ({ page }) => {
    const execute = executePanel(page)
    await execute.start('outcomes', 'sync_ok', 'who: [world\nn: 2')
    await expect(execute.argumentsError).toHaveText(/^Invalid arguments at line \d+, column \d+: .+/)
    await expect(execute.argumentsInput).toHaveValue('who: [world\nn: 2')
    await expect(execute.result).toHaveCount(0)
    await expect(execute.history).toHaveCount(0)
  })

  test('a looping command ends at the time limit, the page answers meanwhile, and the plugin works again', async ({ page }) => {
    const execute = executePanel(page)
    await execute.start('outcomes', 'loops', '', 2)
    await expect(execute.cancel).toBeVisible()

    const healthTab = page.getByRole('tab', { name: 'Health' })
    const started = Date.now()
    await healthTab.click()
    await expect(healthTab).toHaveAttribute('aria-selected', 'true')
    expect(Date.now() - started).toBeLessThan(1000)

    await execute.open()
    await expect(execute.outcome).toContainText('Command failed: Plugin execution timed out after 2000 ms')
    expect(await execute.resultObject()).toEqual({ status: 'error', message: 'Plugin execution timed out after 2000 ms' })

    await execute.start('outcomes', 'sync_ok', 'again: true')
    await expect(execute.outcome).toContainText('Command executed successfully')
  })

  test('Cancel stops a looping command at once and the plugin works again', async ({ page }) => {
    const execute = executePanel(page)
    await execute.start('outcomes', 'loops', '', 60)
    await expect(execute.cancel).toBeVisible()
    const started = Date.now()
    await execute.cancel.click()
    await expect(execute.outcome).toContainText('Command failed: Plugin execution cancelled')
    expect(Date.now() - started).toBeLessThan(1000)
    await expect(execute.cancel).toHaveCount(0)

    await execute.start('outcomes', 'async_ok', 'n: 1')
    await expect(execute.outcome).toContainText('Command executed successfully')
  })

  test('a command flooding the log and progress leaves the page usable and stops on Cancel', async ({ page }) => {
    const execute = executePanel(page)
    await execute.start('outcomes', 'floods', '', 60)
    await expect(execute.log).toContainText('flood')

    // On two cores a flooding plugin competes with the page for processor time: the page must stay
    // usable, not be as quick as when idle.
    const healthTab = page.getByRole('tab', { name: 'Health' })
    expect(await clickAnswerMs(page, healthTab)).toBeLessThan(CLICK_ANSWER_MS)
    await expect(healthTab).toHaveAttribute('aria-selected', 'true')

    await execute.open()
    await execute.cancel.click()
    await expect(execute.outcome).toContainText('Command failed: Plugin execution cancelled')
    await expect(execute.log).toContainText(/earlier lines? not shown/)
    await expect(execute.log).toContainText(/flood \d+$/)
  })

  test('plugin code posting to the app in a loop is stopped with a message saying so', async ({ page }) => {
    // The stopped worker goes on burning a core for a while (a browser's termination grace), so on two
    // cores this test gets time to spare rather than a responsiveness bar.
    test.setTimeout(60_000)
    const execute = executePanel(page)
    await execute.start('outcomes', 'posts_directly', '', 60)
    await expect(execute.outcome).toHaveText(/^Command failed: Plugin execution failed: the plugin sent more than 50,000 messages in a second/, {
      timeout: 45_000,
    })
  })

  test('log lines and progress appear while the command runs', async ({ page }) => {
    const execute = executePanel(page)
    await execute.start('outcomes', 'streams', 'steps: 4\ninterval_ms: 600')
    await expect(execute.log).toContainText('line 1')
    await expect(execute.progress).toHaveAttribute('max', '4')
    await expect(page.getByText(/^[1-3] \/ 4 — step [1-3]$/)).toBeVisible()
    // Still running: what we saw arrived live, not with the result.
    await expect(execute.cancel).toBeVisible()
    await expect(execute.log).not.toContainText('line 4')
    await expect(execute.outcome).toContainText('Command executed successfully')
    await expect(execute.log).toContainText('line 4')
  })

  test('past runs are listed and can be reopened', async ({ page }) => {
    const execute = executePanel(page)
    await execute.start('outcomes', 'sync_ok', 'first: 1')
    await expect(execute.outcome).toContainText('Command executed successfully')
    await execute.start('outcomes', 'throws')
    await expect(execute.outcome).toContainText('Command failed: Plugin execution failed: kaboom')

    const rows = execute.history.getByRole('row')
    await expect(rows).toHaveCount(3)
    await expect(rows.nth(1)).toContainText('outcomes.throws')
    await expect(rows.nth(1)).toContainText('failed')
    await expect(rows.nth(2)).toContainText('outcomes.sync_ok')
    await expect(rows.nth(2)).toContainText('success')

    await execute.history.getByRole('button', { name: 'Open run 1' }).click()
    await expect(execute.outcome).toContainText('Command executed successfully')
    expect(await execute.resultObject()).toEqual({ status: 'success', got: { first: 1 } })
    await expect(execute.command).toHaveValue('sync_ok')
    await expect(execute.argumentsInput).toHaveValue('first: 1')
  })
})
