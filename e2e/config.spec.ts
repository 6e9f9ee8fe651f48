import { pluginConfigKey } from '../src/core/storageKeys'
import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { DEFAULT_GLOBAL_CONFIG_TEXT } from '../src/core/config/defaults'
import { readGlobalConfigFile } from '../src/core/config/fileState'
import { configPanel } from './support/configPanel'
import { confirmIn } from './support/dialogs'
import { pluginCard } from './support/pluginsPanel'

/** What the errors list says about `text` as config.yaml, computed by the same code the app runs. */
function expectedErrorLines(text: string): string[] {
  return readGlobalConfigFile(text).errors.map((issue) => `line ${issue.line}, column ${issue.column}: ${issue.message}`)
}

test('starts on the default config.yaml, not stored until saved', async ({ page }) => {
  const config = configPanel(page)
  await config.open()
  await expect(config.tab).toHaveAttribute('aria-selected', 'true')
  expect(await config.editorText('config.yaml')).toBe(DEFAULT_GLOBAL_CONFIG_TEXT)
  await expect(config.status).toHaveText(/^Not saved: the playground uses the built-in defaults/)
  expect(await config.storedText()).toBeNull()
  expect(await config.effectiveValue('doe_runner')).toEqual({ default_workers: 4, cache_enabled: true, log_level: 'INFO' })
  expect(await config.effectiveValue('hello')).toEqual({})
})

test('the panel and its dialog have no detectable accessibility problems', async ({ page }) => {
  const config = configPanel(page)
  await config.open()
  await config.replaceText('config.yaml', 'plugins: 5\nextra: 1\n')
  await expect(config.errors).toBeVisible()
  const scan = () => new AxeBuilder({ page }).include('.config-panel').analyze()
  expect((await scan()).violations).toEqual([])
  await config.save.click()
  await config.reset.click()
  await expect(page.getByRole('dialog', { name: 'Reset config.yaml to defaults?' })).toBeVisible()
  expect((await scan()).violations).toEqual([])
})

test('an edit saved with the Save button survives a reload, comments and all', async ({ page }) => {
  const config = configPanel(page)
  const text = '# my settings\ndiscovery:\n  auto_load: false   # not yet\n\nplugins:\n  hello: {greeting: hi}\n'
  await config.open()
  await config.replaceText('config.yaml', text)
  await expect(config.unsaved).toBeVisible()
  await expect(config.files.getByRole('button', { name: 'config.yaml (unsaved changes)' })).toBeVisible()

  await config.save.click()
  await expect(config.unsaved).toHaveCount(0)
  await expect(config.status).toHaveText('Saved in this browser.')
  expect(await config.storedText()).toBe(text)

  await page.reload()
  await config.tab.click()
  await expect.poll(() => config.editorText('config.yaml')).toBe(text)
  expect(await config.effectiveValue('hello')).toEqual({ greeting: 'hi' })
  expect(await config.effectiveValue('discovery')).toEqual({ auto_load: false, plugin_paths: [], trusted_sources: [] })
})

test("a plugin's own file, saved with Ctrl+S, overlays its config.yaml settings key by key", async ({ page }) => {
  const config = configPanel(page)
  await config.open()
  await config.addPluginFile('doe_runner')
  await expect(config.files.getByRole('button', { name: 'doe_runner.yaml' })).toHaveAttribute('aria-current', 'true')
  await config.replaceText('doe_runner.yaml', 'default_workers: 8  # more\nmin_version: "1.0.0"\n')
  await page.keyboard.press('Control+S')

  await expect(config.unsaved).toHaveCount(0)
  expect(await config.storedText(pluginConfigKey('doe_runner'))).toBe('default_workers: 8  # more\nmin_version: "1.0.0"\n')
  await expect.poll(() => config.effectiveValue('doe_runner')).toEqual({ default_workers: 8, cache_enabled: true, log_level: 'INFO', min_version: '1.0.0' })

  await page.reload()
  await config.tab.click()
  await expect(config.files.getByRole('listitem')).toHaveText([
    'config.yaml',
    'doe_runner.yaml',
    'hello.yaml (not created yet)',
    'restaurant_config.yaml (not created yet)',
  ])
})

test('invalid YAML shows its line and column, is kept exactly through a reload, and the app runs on defaults', async ({ page }) => {
  const config = configPanel(page)
  const broken = '# half-finished\ndiscovery: [\n  auto_load: false \t\n'
  await config.open()
  await config.replaceText('config.yaml', broken)

  // Checked while typing, before any save: listed and marked in the editor.
  await expect(config.errors.getByRole('listitem')).toHaveText(expectedErrorLines(broken))
  await expect(config.errors).toHaveAttribute('role', 'alert')
  await expect(page.locator('.cm-lint-marker-error')).toBeVisible()

  await config.save.click()
  await expect(config.status).toHaveText(/^config\.yaml is invalid: the playground uses the defaults .* until it is fixed\./)

  await page.reload()
  expect(await config.storedText()).toBe(broken)
  await expect(pluginCard(page, 'hello').state).toHaveText('Loaded')
  await config.tab.click()
  await expect.poll(() => config.editorText('config.yaml')).toBe(broken)
  await expect(config.errors.getByRole('listitem')).toHaveText(expectedErrorLines(broken))
  expect(expectedErrorLines(broken)[0]).toMatch(/^line \d+, column \d+: /)
  expect(await config.effectiveValue('discovery')).toEqual({ auto_load: true, plugin_paths: [], trusted_sources: [] })
})

test('a wrong shape names the setting and keeps every other setting of the file', async ({ page }) => {
  const config = configPanel(page)
  await config.open()
  await config.replaceText('config.yaml', 'plugins: 5\ndiscovery:\n  auto_load: false\nextra: 1\n')
  await config.save.click()

  await expect(config.errors.getByRole('listitem')).toHaveText(['line 1, column 1: plugins: must be a mapping'])
  await expect(config.warnings.getByRole('listitem')).toHaveText(['line 4, column 1: extra: unknown key, ignored (the playground reads plugins and discovery)'])
  await expect(config.status).toContainText('config.yaml is invalid')
  expect(await config.effectiveValue('doe_runner')).toEqual({ default_workers: 4, cache_enabled: true, log_level: 'INFO' })
  expect(await config.effectiveValue('discovery')).toEqual({ auto_load: false, plugin_paths: [], trusted_sources: [] })
})

test('export downloads the stored bytes; an import is reviewed in the editor, then saved', async ({ page }) => {
  const config = configPanel(page)
  const saved = '# café ✓\nplugins:\n  hello: {greeting: "¡hola!"}\n'
  await config.open()
  await config.replaceText('config.yaml', saved)
  await config.save.click()

  const downloading = page.waitForEvent('download')
  await config.exportButton.click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('config.yaml')
  expect(readFileSync(await download.path())).toEqual(Buffer.from(saved, 'utf8'))

  const imported = '# from my laptop\nplugins:\n  doe_runner: {default_workers: 2}\n'
  const choosing = page.waitForEvent('filechooser')
  await config.importButton.click()
  await (await choosing).setFiles({ name: 'laptop.yml', mimeType: 'application/yaml', buffer: Buffer.from(imported) })

  await expect(page.getByText('Imported laptop.yml into the editor: review it, then Save.')).toBeVisible()
  await expect.poll(() => config.editorText('config.yaml')).toBe(imported)
  await expect(config.unsaved).toBeVisible()
  expect(await config.storedText()).toBe(saved)

  await config.save.click()
  expect(await config.storedText()).toBe(imported)
})

test('an import over unsaved edits asks first: Cancel keeps the edits, Replace loads the file', async ({ page }) => {
  const config = configPanel(page)
  const saved = 'discovery: {auto_load: true}\n'
  const edited = '# my unsaved edit\ndiscovery: {auto_load: false}\n'
  const imported = '# from my laptop\nplugins:\n  doe_runner: {default_workers: 2}\n'
  await config.open()
  await config.replaceText('config.yaml', saved)
  await config.save.click()
  await config.replaceText('config.yaml', edited)
  await expect(config.unsaved).toBeVisible()

  const importFile = async () => {
    const choosing = page.waitForEvent('filechooser')
    await config.importButton.click()
    await (await choosing).setFiles({ name: 'laptop.yaml', mimeType: 'application/yaml', buffer: Buffer.from(imported) })
  }
  const dialog = page.getByRole('dialog', { name: 'Replace your unsaved changes to config.yaml?' })

  await importFile()
  await expect(dialog).toHaveAccessibleDescription(
    'laptop.yaml replaces the text in the editor, and your unsaved changes are lost. The saved file stays as it is until you save.',
  )
  await confirmIn(page, 'Replace your unsaved changes to config.yaml?', 'Cancel')
  expect(await config.editorText('config.yaml')).toBe(edited)
  await expect(page.getByText('Imported laptop.yaml')).toHaveCount(0)

  await importFile()
  await confirmIn(page, 'Replace your unsaved changes to config.yaml?', 'Replace')
  await expect.poll(() => config.editorText('config.yaml')).toBe(imported)
  await expect(page.getByText('Imported laptop.yaml into the editor: review it, then Save.')).toBeVisible()
  expect(await config.storedText()).toBe(saved)
})

test("a plugin's file exports under its own name", async ({ page }) => {
  const config = configPanel(page)
  await config.open()
  await config.addPluginFile('restaurant_config')
  const downloading = page.waitForEvent('download')
  await config.exportButton.click()
  expect((await downloading).suggestedFilename()).toBe('restaurant_config.yaml')
})

test('reset asks first: Cancel keeps the file, Reset restores the defaults', async ({ page }) => {
  const config = configPanel(page)
  await config.open()
  await config.replaceText('config.yaml', 'discovery: {auto_load: false}\n')
  await config.save.click()

  await config.reset.click()
  await confirmIn(page, 'Reset config.yaml to defaults?', 'Cancel')
  expect(await config.storedText()).toBe('discovery: {auto_load: false}\n')
  expect(await config.editorText('config.yaml')).toBe('discovery: {auto_load: false}\n')

  await config.reset.click()
  await confirmIn(page, 'Reset config.yaml to defaults?', 'Reset')
  expect(await config.storedText()).toBeNull()
  await expect.poll(() => config.editorText('config.yaml')).toBe(DEFAULT_GLOBAL_CONFIG_TEXT)
  await expect(config.status).toHaveText(/^Not saved/)
  expect(await config.effectiveValue('discovery')).toEqual({ auto_load: true, plugin_paths: [], trusted_sources: [] })
})

test('reset says when it discards unsaved edits too', async ({ page }) => {
  const config = configPanel(page)
  const dialog = page.getByRole('dialog', { name: 'Reset config.yaml to defaults?' })
  await config.open()
  await config.replaceText('config.yaml', 'discovery: {auto_load: false}\n')
  await config.save.click()

  await config.reset.click()
  await expect(dialog).toHaveAccessibleDescription(
    'Your saved text is removed from this browser and the defaults apply again. Export the file first to keep a copy.',
  )
  await confirmIn(page, 'Reset config.yaml to defaults?', 'Cancel')

  await config.replaceText('config.yaml', 'discovery: {auto_load: true}\n')
  await config.reset.click()
  await expect(dialog).toHaveAccessibleDescription(
    'Your saved text is removed from this browser and the defaults apply again. Your unsaved changes in the editor are discarded too. Export the file first to keep a copy.',
  )
  await confirmIn(page, 'Reset config.yaml to defaults?', 'Reset')
  await expect(config.unsaved).toHaveCount(0)
  await expect.poll(() => config.editorText('config.yaml')).toBe(DEFAULT_GLOBAL_CONFIG_TEXT)
})

test('two tabs stay in sync', async ({ page, context }) => {
  const first = configPanel(page)
  const secondPage = await context.newPage()
  const second = configPanel(secondPage)
  await first.open()
  await second.open()

  await first.replaceText('config.yaml', 'plugins:\n  hello: {greeting: from the first tab}\n')
  await first.save.click()
  await expect.poll(() => second.editorText('config.yaml')).toBe('plugins:\n  hello: {greeting: from the first tab}\n')
  expect(await second.effectiveValue('hello')).toEqual({ greeting: 'from the first tab' })

  // Unsaved edits in one tab are kept when the other saves; the user is told.
  await second.replaceText('config.yaml', 'plugins:\n  hello: {greeting: draft}\n')
  await first.replaceText('config.yaml', 'plugins: 5\n')
  await first.save.click()
  await expect(secondPage.getByText('config.yaml was saved in another tab after you started editing.')).toBeVisible()
  expect(await second.editorText('config.yaml')).toBe('plugins:\n  hello: {greeting: draft}\n')
  await expect(second.status).toHaveText('Unsaved changes')
  await expect(second.fileEntry('config.yaml')).toContainText('(invalid)')

  await second.reset.click()
  await confirmIn(secondPage, 'Reset config.yaml to defaults?', 'Reset')
  await expect.poll(() => first.editorText('config.yaml')).toBe(DEFAULT_GLOBAL_CONFIG_TEXT)
  await expect(first.status).toHaveText(/^Not saved/)
})

test('a save refused by a full storage says why and leaves the stored text as it was', async ({ page }) => {
  const config = configPanel(page)
  await config.open()
  await config.replaceText('config.yaml', 'discovery: {auto_load: false}\n')
  await config.save.click()
  expect(await config.storedText()).toBe('discovery: {auto_load: false}\n')

  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
  })
  await config.replaceText('config.yaml', 'discovery: {auto_load: true}\n')
  await config.save.click()

  await expect(page.getByRole('alert')).toHaveText('Could not save strataregula:config.yaml: browser storage is full (the text is 29 B); nothing was changed')
  await expect(config.unsaved).toBeVisible()
  expect(await config.editorText('config.yaml')).toBe('discovery: {auto_load: true}\n')
  expect(await config.storedText()).toBe('discovery: {auto_load: false}\n')
  expect(await config.effectiveValue('discovery')).toEqual({ auto_load: false, plugin_paths: [], trusted_sources: [] })
})
