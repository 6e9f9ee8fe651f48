import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildProjectWheels, buildWheel } from '../scripts/build-wheels.mjs'
import { LOCAL_PLUGINS_KEY } from '../src/core/storageKeys'
import { executePanel } from './support/executePanel'
import { expect, test } from './support/fixtures'
import { liveSandboxes } from './support/liveSandboxes'
import { greeterSource, localPlugins } from './support/localPlugins'
import { CONTAINED_PROBE_FINDINGS } from './support/isolationProbe'
import { pluginCard, pluginsPanel } from './support/pluginsPanel'

const storedLocalPlugins = (page: import('@playwright/test').Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]') as Array<{ name: string; source: string }>, LOCAL_PLUGINS_KEY)

test('a dropped module is listed as a local plugin and runs in its own sandbox', async ({ page }) => {
  await page.goto('/')
  const local = localPlugins(page)
  await local.drop('greeter.js', greeterSource())
  const card = pluginCard(page, 'greeter')
  await expect(card.state).toHaveText('Loaded')
  await expect(card.card.locator('[data-field="local"]')).toHaveText('Local plugin from greeter.js, kept in this browser')
  await expect(pluginsPanel(page).summary).toHaveText(/^6 plugins, /)

  const execute = executePanel(page)
  await execute.start('greeter', 'greet')
  await expect(execute.outcome).toHaveText(/^Command executed successfully/)
  expect(await execute.resultObject()).toEqual({ status: 'success', greeting: 'hello from v1' })
})

test('the file picker adds a local plugin, for keyboard users', async ({ page }) => {
  await page.goto('/')
  const local = localPlugins(page)
  await local.picker.setInputFiles({ name: 'greeter.mjs', mimeType: 'text/javascript', buffer: Buffer.from(greeterSource()) })
  await expect(pluginCard(page, 'greeter').state).toHaveText('Loaded')
  await expect(local.error).toHaveCount(0)
})

test('pasted code is kept across reloads until removed', async ({ page }) => {
  await page.goto('/')
  const local = localPlugins(page)
  await local.paste(greeterSource({ name: 'pasted_greeter' }))
  await expect(pluginCard(page, 'pasted_greeter').state).toHaveText('Loaded')

  await page.reload()
  const card = pluginCard(page, 'pasted_greeter')
  await expect(card.state).toHaveText('Loaded')
  await expect(card.card.locator('[data-field="local"]')).toHaveText('Local plugin from pasted.js, kept in this browser')

  await card.card.getByRole('button', { name: 'Remove pasted_greeter' }).click()
  await expect(card.card).toHaveCount(0)
  expect(await storedLocalPlugins(page)).toEqual([])
  await page.reload()
  await expect(pluginCard(page, 'hello').state).toHaveText('Loaded')
  await expect(pluginsPanel(page).summary).toHaveText(/^5 plugins, /)
})

test('an edited local plugin is reloaded: the old version is unloaded first', async ({ page }) => {
  await page.goto('/')
  const local = localPlugins(page)
  await local.drop('greeter.js', greeterSource())
  const card = pluginCard(page, 'greeter')
  await expect(card.state).toHaveText('Loaded')

  // A command of the old version is still running when the new version is loaded.
  const execute = executePanel(page)
  await execute.start('greeter', 'wait')
  await expect(execute.cancel).toBeEnabled()
  const sandboxesBefore = (await liveSandboxes(page)).frames

  await page.getByRole('tab', { name: 'Plugins' }).click()
  await card.card.getByRole('button', { name: 'Edit greeter' }).click()
  await expect(local.editor('greeter.js')).toContainText('greeting: "hello from v1"')
  await local.paste(greeterSource({ version: '2.0.0', greeting: 'hello from v2' }), 'greeter.js')
  await expect(card.version).toHaveText('2.0.0')
  await expect(card.state).toHaveText('Loaded')
  expect((await storedLocalPlugins(page)).map((plugin) => plugin.name)).toEqual(['greeter'])

  // The old version's sandbox was destroyed: its run ended, and the new version's took its place.
  await execute.open()
  await expect(execute.outcome).toHaveText(/^Command failed: /)
  await expect.poll(async () => (await liveSandboxes(page)).frames).toBe(sandboxesBefore)
  await execute.start('greeter', 'greet')
  await expect(execute.outcome).toHaveText(/^Command executed successfully/)
  expect(await execute.resultObject()).toEqual({ status: 'success', greeting: 'hello from v2' })
})

test('a local plugin shadows the registry plugin of the same name until it is removed', async ({ page }) => {
  await page.goto('/')
  const local = localPlugins(page)
  await local.drop('my-hello.js', greeterSource({ name: 'hello', version: '9.0.0' }))
  const card = pluginCard(page, 'hello')
  await expect(card.version).toHaveText('9.0.0')
  await expect(card.card.locator('[data-field="local"]')).toHaveText('Local plugin from my-hello.js, kept in this browser')
  await expect(page.locator('.shadowings')).toHaveText(/hello from .*\/registry\.json is shadowed by Local plugins/)

  await card.card.getByRole('button', { name: 'Remove hello' }).click()
  await expect(card.version).toHaveText('1.2.0')
  await expect(card.state).toHaveText('Loaded')
  await expect(page.locator('.shadowings')).toHaveCount(0)
})

test('a hostile local plugin is isolated like any other: no app storage, DOM or files', async ({ page, baseURL }) => {
  await page.goto('/')
  await page.evaluate(() => localStorage.setItem('planted-secret', 'planted-secret-4c1f9e'))
  const probe = readFileSync('e2e/fixtures/corpus/isolation-probe.js', 'utf8').replace('__APP_ORIGIN__', new URL(baseURL ?? '').origin)
  await localPlugins(page).drop('probe.js', probe)
  const card = pluginCard(page, 'isolation_probe')
  await expect(card.state).toHaveText('Loaded')
  expect(JSON.parse(await card.description.innerText())).toEqual(CONTAINED_PROBE_FINDINGS)
})

test('bad local plugins are refused with a clear message, and nothing kept is lost', async ({ page }) => {
  await page.goto('/')
  const local = localPlugins(page)
  await local.drop('greeter.js', greeterSource())
  await expect(pluginCard(page, 'greeter').state).toHaveText('Loaded')
  const cards = await pluginsPanel(page).cards.count()

  const refusals: Array<[string, string, string | RegExp]> = [
    ['demo-1.0-py3-none-any.whl', 'PK', /^Could not add demo-1\.0-py3-none-any\.whl: not a zip archive \(/],
    [
      'native-1.0-cp312-cp312-linux_x86_64.whl',
      'PK',
      'native-1.0-cp312-cp312-linux_x86_64.whl: not a pure-Python wheel: "native-1.0-cp312-cp312-linux_x86_64.whl" (…-none-any.whl expected)',
    ],
    ['notes.txt', 'hello', 'notes.txt is not a JavaScript module (a .js or .mjs file)'],
    [
      'huge.js',
      `export default {}\n//${'x'.repeat(300 * 1024)}`,
      'huge.js is 300.1 KiB, over the 256 KiB a local plugin may have; host it and open its registry instead',
    ],
    ['broken.js', 'export class {', /^Could not add broken\.js: syntax error in local module broken\.js: /],
    ['nameless.js', 'export default { get_info() { return { version: "1" } } }', /^Could not add nameless\.js: .*name/],
  ]
  for (const [fileName, text, message] of refusals) {
    await local.drop(fileName, text)
    await expect(local.error).toHaveText(message)
  }
  expect((await storedLocalPlugins(page)).map((plugin) => plugin.name)).toEqual(['greeter'])
  await expect(pluginsPanel(page).cards).toHaveCount(cards)
})

test('a local plugin the browser cannot store is refused with the reason, and nothing kept is lost', async ({ page }) => {
  await page.addInitScript((key) => {
    const setItem = Storage.prototype.setItem
    Storage.prototype.setItem = function (name: string, value: string) {
      if (name === key && value.includes('full_greeter')) throw new DOMException('quota', 'QuotaExceededError')
      setItem.call(this, name, value)
    }
  }, LOCAL_PLUGINS_KEY)
  await page.goto('/')
  const local = localPlugins(page)
  await local.drop('greeter.js', greeterSource())
  await expect(pluginCard(page, 'greeter').state).toHaveText('Loaded')
  await local.drop('full.js', greeterSource({ name: 'full_greeter' }))
  await expect(local.error).toHaveText(/^Could not add full\.js: this browser refused to keep it: browser storage is full \(\d+(\.\d)? (B|KiB) to save\)$/)
  await expect(pluginCard(page, 'full_greeter').card).toHaveCount(0)
  expect((await storedLocalPlugins(page)).map((plugin) => plugin.name)).toEqual(['greeter'])
})

/** The hello_py wheel as another version would be built. */
async function helloPyVersion(version: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const folder = mkdtempSync(join(tmpdir(), 'hello-py-'))
  try {
    cpSync('python/strataregula-hello-py', folder, { recursive: true })
    const pyproject = join(folder, 'pyproject.toml')
    writeFileSync(pyproject, readFileSync(pyproject, 'utf8').replace(/^version = ".*"$/m, `version = "${version}"`))
    return await buildWheel(folder)
  } finally {
    rmSync(folder, { recursive: true })
  }
}

test.describe('a local Python wheel @slow', () => {
  // Python starts in the page: seconds, on a busy machine.
  test.describe.configure({ timeout: 180_000 })

  test('a dropped wheel lists its plugins without starting Python, runs them when used, and is kept across reloads until removed', async ({ page }) => {
    const wheel = (await buildProjectWheels()).find((built) => built.fileName.startsWith('strataregula_hello_py-'))!
    await page.goto('/')
    const local = localPlugins(page)
    await local.drop(wheel.fileName, wheel.bytes)
    const card = pluginCard(page, 'hello_py')
    const wheelText = `Python plugin strataregula_hello_py.plugin:HelloPlugin from ${wheel.fileName}`
    await expect(card.card.locator('[data-field="wheel"]')).toHaveText(`${wheelText}, a local wheel kept in this browser`)
    await expect(card.state).toHaveText('Not loaded')
    await expect(page.locator('.shadowings')).toHaveText(/hello_py from .*\/registry\.json is shadowed by Local plugins/)
    await expect(local.error).toHaveCount(0)
    // A newer version replaces it, and so does the first one dropped again; a broken wheel is refused and the kept one stays.
    const newer = await helloPyVersion('1.3.0')
    await local.drop(newer.fileName, newer.bytes)
    await expect(card.card.locator('[data-field="wheel"]')).toHaveText(
      `Python plugin strataregula_hello_py.plugin:HelloPlugin from ${newer.fileName}, a local wheel kept in this browser`,
    )
    await expect(card.version).toHaveText('1.3.0')
    await local.drop(wheel.fileName, wheel.bytes)
    await expect(card.version).toHaveText('1.2.0')
    await local.drop('broken-1.0-py3-none-any.whl', 'PK')
    await expect(local.error).toHaveText(/^Could not add broken-1\.0-py3-none-any\.whl: not a zip archive \(/)
    await expect(pluginsPanel(page).cards.filter({ hasText: 'a local wheel kept in this browser' })).toHaveCount(1)

    await page.reload()
    await expect(card.card.locator('[data-field="wheel"]')).toHaveText(`${wheelText}, a local wheel kept in this browser`)
    const execute = executePanel(page)
    await execute.start('hello_py', 'greet', 'who: Ada')
    await expect(execute.outcome).toContainText('Command executed successfully', { timeout: 150_000 })
    expect(await execute.resultObject()).toEqual({ status: 'success', greeting: 'Hello, Ada!' })
    await expect(execute.log).toContainText('greeting Ada')

    await page.getByRole('tab', { name: 'Plugins' }).click()
    await card.card.getByRole('button', { name: 'Remove hello_py' }).click()
    await expect(card.card.locator('[data-field="wheel"]')).toHaveText(wheelText)
    await expect(page.locator('.shadowings')).toHaveCount(0)
    await page.reload()
    await expect(card.card.locator('[data-field="wheel"]')).toHaveText(wheelText)
    await expect(card.card.getByRole('button', { name: 'Remove hello_py' })).toHaveCount(0)
  })
})

test('a wheel the browser cannot store is refused with the reason, and nothing is listed', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      if (this.name === 'wheels') throw new DOMException('quota', 'QuotaExceededError')
      return put.apply(this, args)
    }
  })
  await page.goto('/')
  await expect(pluginCard(page, 'hello').state).toHaveText('Loaded')
  const wheel = (await buildProjectWheels()).find((built) => built.fileName.startsWith('strataregula_pattern_expander-'))!
  const registryWheel = pluginCard(page, 'pattern_expander').card.locator('[data-field="wheel"]')
  const registryWheelText = `Python plugin strataregula_pattern_expander.plugin:PatternExpanderPlugin from ${wheel.fileName}`
  const local = localPlugins(page)
  await local.drop(wheel.fileName, wheel.bytes)
  await expect(local.error).toHaveText(`Could not add ${wheel.fileName}: this browser refused to keep the change: quota`)
  await expect(registryWheel).toHaveText(registryWheelText)
  await page.reload()
  await expect(registryWheel).toHaveText(registryWheelText)
})
