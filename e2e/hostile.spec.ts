import type { Page } from '@playwright/test'
import { MAX_LOG_CHARS } from '../src/core/logTail'
import { CLICK_ANSWER_MS, clickAnswerMs } from './support/clickAnswer'
import { executePanel } from './support/executePanel'
import { expect, test, withRegistries } from './support/fixtures'
import type { FixtureServer } from './support/fixtureServer'
import { pluginCard } from './support/pluginsPanel'

const SECRET = 'planted-secret-7d20aa'

/**
 * The hostile corpus (e2e/fixtures/hostile/): each plugin tries one way to escape, forge, flood or confuse.
 * For each: the attack is contained with a clear outcome, the page stays usable, another plugin still runs,
 * nothing was injected into the page, and the secret planted in the app's storage never left it.
 */
async function plantSecret(page: Page): Promise<void> {
  await page.addInitScript((secret) => {
    localStorage.setItem('planted-secret', secret)
    document.cookie = `planted-secret=${secret}`
  }, SECRET)
}

async function expectContained(page: Page, server: FixtureServer): Promise<void> {
  const execute = executePanel(page)
  // The page answers: tabs switch, and the well-behaved plugin still runs.
  expect(await clickAnswerMs(page, page.getByRole('tab', { name: 'Plugins' }))).toBeLessThan(CLICK_ANSWER_MS)
  await expect(page.getByRole('tab', { name: 'Plugins' })).toHaveAttribute('aria-selected', 'true')
  await execute.start('good', 'ping')
  await expect(execute.outcome).toHaveText(/^Command executed successfully/)
  expect(await page.evaluate(() => document.body.dataset.pwned ?? null)).toBeNull()
  expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted ?? null)).toBeNull()
  expect(server.requests.filter((request) => request.includes(SECRET))).toEqual([])
  expect(await page.evaluate(() => localStorage.getItem('planted-secret'))).toBe(SECRET)
}

async function attack(page: Page, server: FixtureServer, plugin: string, command = 'attack', args = '', timeLimitSeconds?: number) {
  await plantSecret(page)
  await page.goto(withRegistries(`${server.origin}/cors/hostile.json?plugins=good,${plugin}`))
  const execute = executePanel(page)
  await execute.start(plugin, command, args, timeLimitSeconds)
  await expect(execute.outcome).toBeVisible({ timeout: 20_000 })
  return execute
}

const ESCAPES: Array<[string, RegExp]> = [
  ['nested_worker', /^blocked \(/],
  ['nested_shared_worker', /^blocked \(/],
  ['import_data_url', /^blocked \(/],
  ['import_blob_url', /^reached: (null|undefined)$/],
  ['import_scripts', /^blocked \(/],
  ['broadcast_channel', /^blocked \(NotFoundError\)$/],
  ['service_worker', /^blocked \(/],
  ['cache_storage', /^blocked \(SecurityError\)$/],
  ['storage_manager', /^blocked \(/],
  ['websocket_to_app', /^blocked \(/],
  ['event_source_to_app', /^blocked \(/],
  ['credentialed_fetch', /^blocked \(TypeError\)$/],
  ['import_app_asset', /^blocked \(TypeError\)$/],
]

for (const [plugin, outcome] of ESCAPES) {
  test(`escape attempt ${plugin} is contained`, async ({ page, thirdParty }) => {
    const execute = await attack(page, thirdParty, plugin)
    await expect(execute.outcome).toHaveText(/^Command executed successfully/)
    expect(String((await execute.resultObject()).outcome)).toMatch(outcome)
    await expectContained(page, thirdParty)
  })
}

test('forged replies for other calls are ignored and the plugin’s own call answers for itself', async ({ page, thirdParty }) => {
  const execute = await attack(page, thirdParty, 'fake_replies')
  await expect(execute.outcome).toHaveText(/^Command executed successfully/)
  // A forged reply for its own call is only the plugin answering for itself.
  expect((await execute.resultObject()).status).toBe('success')
  await expectContained(page, thirdParty)
})

test('forged logs, progress, stages and file requests for other calls are dropped; markup in them stays text', async ({ page, thirdParty }) => {
  const execute = await attack(page, thirdParty, 'fake_streams')
  await expect(execute.outcome).toHaveText(/^Command executed successfully/)
  expect(await execute.resultObject()).toEqual({ status: 'success', outcome: 'posted forged logs, progress, stages and file requests' })
  // What reached this run's log as the plugin's own lines is shown as text.
  await expect(execute.log.locator('img')).toHaveCount(0)
  await expectContained(page, thirdParty)
})

test('transferred buffers and smuggled ports are dropped', async ({ page, thirdParty }) => {
  const execute = await attack(page, thirdParty, 'transferables')
  await expect(execute.outcome).toHaveText(/^Command executed successfully/)
  expect(await execute.resultObject()).toEqual({ status: 'success', outcome: 'posted a buffer and a port' })
  await expectContained(page, thirdParty)
})

test('a plugin replacing postMessage and onmessage cannot silence the runtime', async ({ page, thirdParty }) => {
  const execute = await attack(page, thirdParty, 'patched_messaging')
  await expect(execute.outcome).toHaveText(/^Command executed successfully/)
  expect(String((await execute.resultObject()).outcome)).toMatch(/^patched postMessage and onmessage/)
  await expectContained(page, thirdParty)
})

const VALUES: Array<[string, RegExp]> = [
  ['throwing_getter', /^Command failed: Plugin returned an invalid result/],
  ['proxy_result', /^Command failed: Plugin returned an invalid result/],
  ['deep_result', /^Command failed: Plugin returned an invalid result/],
  ['never_settles', /^Command failed: Plugin execution timed out after 2000 ms/],
  ['looping_getter', /^Command failed: Plugin execution timed out after 2000 ms/],
]
for (const [plugin, outcome] of VALUES) {
  test(`hostile value ${plugin} gives a clear outcome`, async ({ page, thirdParty }) => {
    const execute = await attack(page, thirdParty, plugin, 'attack', '', 2)
    await expect(execute.outcome).toHaveText(outcome)
    await expectContained(page, thirdParty)
  })
}

const SHOWN: Array<[string, string]> = [
  ['cyclic_result', '"parent": "[Circular]"'],
  ['bigint_result', '"big": "1180591620717411303424"'],
]
for (const [plugin, shown] of SHOWN) {
  test(`a result with ${plugin.replace('_result', '')} values is shown without breaking the page`, async ({ page, thirdParty }) => {
    const execute = await attack(page, thirdParty, plugin)
    await expect(execute.outcome).toHaveText(/^Command executed successfully/)
    await expect(execute.result).toContainText(shown)
    await expectContained(page, thirdParty)
  })
}

test('__proto__ and constructor keys in results and arguments pollute nothing', async ({ page, thirdParty }) => {
  await plantSecret(page)
  await page.goto(withRegistries(`${thirdParty.origin}/cors/hostile.json?plugins=good,proto_keys`))
  const execute = executePanel(page)
  await execute.start('proto_keys', 'attack', '{"__proto__": {"polluted": "kwargs"}}')
  await expect(execute.argumentsError).toHaveText('Invalid arguments at line 1, column 2: __proto__: the key "__proto__" is not allowed and was ignored')
  await execute.argumentsInput.fill('{"who": "anyone"}')
  await execute.run.click()
  await expect(execute.outcome).toHaveText(/^Command executed successfully/)
  const result = await execute.resultObject()
  expect(Object.keys(result)).toEqual(expect.arrayContaining(['__proto__', 'constructor']))
  expect(result.pollutedHere).toBeNull()
  await expectContained(page, thirdParty)
})

test('commands named then, __proto__ and constructor are refused; the plugin still loads', async ({ page, thirdParty }) => {
  const execute = await attack(page, thirdParty, 'odd_command_names')
  await expect(execute.outcome).toHaveText(/^Command executed successfully/)
  await expect(execute.command.locator('option')).toHaveText(['then', 'attack'])
  await expectContained(page, thirdParty)
})

test('a million log lines are cut to the newest, with a note', async ({ page, thirdParty }) => {
  const execute = await attack(page, thirdParty, 'million_logs')
  await expect(execute.outcome).toHaveText(/^Command executed successfully/)
  await expect(execute.log).toContainText('line 999999')
  await expect(execute.log).toContainText(/earlier lines? not shown|log lines skipped/)
  await expectContained(page, thirdParty)
})

test('a log of 5 million characters is cut to its newest mebibyte, with a note', async ({ page, thirdParty }) => {
  const execute = await attack(page, thirdParty, 'wide_logs')
  await expect(execute.outcome).toHaveText(/^Command executed successfully/)
  await expect(execute.log).toContainText('line 499 ===')
  await expect(execute.log).toContainText(/earlier lines? not shown|log lines skipped/)
  const shown = (await execute.log.textContent()) ?? ''
  expect(shown.length).toBeLessThanOrEqual(MAX_LOG_CHARS + 2 * 10_000)
  await expectContained(page, thirdParty)
})

test('NaN, negative and huge progress never break the progress bar', async ({ page, thirdParty }) => {
  const execute = await attack(page, thirdParty, 'bad_progress')
  await expect(execute.outcome).toHaveText(/^Command executed successfully/)
  await expectContained(page, thirdParty)
})

test('endless allocation ends at the time limit or when the sandbox runs out of memory; the page and other plugins go on', async ({ page, thirdParty }) => {
  const execute = await attack(page, thirdParty, 'endless_allocation', 'attack', '', 3)
  // On a fast machine the worker may run out of memory first: either way the run fails with a message.
  await expect(execute.outcome).toHaveText(/^Command failed: Plugin execution (timed out after 3000 ms|failed: .*memory)/i)
  await expectContained(page, thirdParty)
})

test('a 100 MB result is refused in the sandbox with its size', async ({ page, thirdParty }) => {
  const execute = await attack(page, thirdParty, 'huge_result')
  await expect(execute.outcome).toHaveText(/^Command failed: Plugin returned a result of 100\.\d MiB; the limit is 16 MiB/)
  await expectContained(page, thirdParty)
})

test('workspace abuse is refused with the workspace’s messages, and racing writes leave one whole file', async ({ page, thirdParty }) => {
  const execute = await attack(page, thirdParty, 'fs_abuse')
  await expect(execute.outcome).toHaveText(/^Command executed successfully/)
  const { outcomes } = (await execute.resultObject()) as { outcomes: Record<string, string> }
  expect(outcomes.nul).toBe("EINVAL: Invalid path: 'a\u0000b.txt'")
  expect(outcomes.dotdot).toBe("EACCES: Path escapes the workspace: 'doe/../../outside.txt'")
  expect(outcomes.notBytes).toBe('EINVAL: writeBytes expects a Uint8Array, got string')
  expect(outcomes.race).toMatch(/^writer \d+$/)
  await expectContained(page, thirdParty)
})

test('markup in every text a plugin controls shows as text', async ({ page, thirdParty }) => {
  page.on('dialog', (dialog) => void dialog.dismiss())
  const execute = await attack(page, thirdParty, 'markup')
  await expect(execute.outcome).toContainText('<img src=x onerror=')
  await expect(execute.log).toContainText('<script>')
  await page.getByRole('tab', { name: 'Plugins' }).click()
  await expect(pluginCard(page, 'markup').description).toContainText('<img src=x')
  await page.getByRole('tab', { name: 'Health' }).click()
  await page.getByRole('button', { name: 'Check all' }).click()
  await page.getByRole('tab', { name: 'Files' }).click()
  await expect(page.getByText('markup', { exact: false }).first()).toBeVisible()
  expect(await page.locator('script:not([src]), img[src="x"]').count()).toBe(0)
  await expectContained(page, thirdParty)
})

test('a module whose top-level await never resolves fails to load at its time limit; the others load', async ({ page, thirdParty }) => {
  await page.goto(withRegistries(`${thirdParty.origin}/cors/hostile.json?plugins=good,never_imports,export_getter`))
  await expect(pluginCard(page, 'never_imports').error).toHaveText(/^Failed to load plugin never_imports: timed out after \d+ ms while importing the module$/, {
    timeout: 20_000,
  })
  await expect(pluginCard(page, 'export_getter').error).toHaveText('Failed to load plugin export_getter: get_info() threw: the getter refused')
  await expect(pluginCard(page, 'good').state).toHaveText('Loaded')
})

test('a 1 MB description is shown cut short, and the page stays usable', async ({ page, thirdParty }) => {
  await plantSecret(page)
  await page.goto(withRegistries(`${thirdParty.origin}/cors/hostile.json?plugins=good,huge_description`))
  const card = pluginCard(page, 'huge_description')
  await expect(card.state).toHaveText('Loaded')
  expect((await card.description.textContent())!.length).toBeLessThan(2_000)
  const execute = executePanel(page)
  await execute.start('huge_description', 'attack')
  await expect(execute.outcome).toHaveText(/^Command executed successfully/)
  await expectContained(page, thirdParty)
})

test('10,000 commands are all offered, and the last one runs', async ({ page, thirdParty }) => {
  // Ten thousand <option> elements are redrawn each time the Execute form changes plugin: slow on a busy machine.
  test.slow()
  const execute = await attack(page, thirdParty, 'many_commands', 'command_9999')
  await expect(execute.outcome).toHaveText(/^Command executed successfully/)
  expect((await execute.resultObject()).outcome).toBe('the last of 10,000 commands')
  await expect(execute.command.locator('option')).toHaveCount(10_000)
  await page.getByRole('tab', { name: 'Plugins' }).click()
  const commands = pluginCard(page, 'many_commands').commands
  await expect(commands.getByRole('button')).toHaveCount(24)
  await expect(commands).toContainText('and 9,976 more, all offered in Execute')
  await expectContained(page, thirdParty)
})
