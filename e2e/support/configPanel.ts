import { GLOBAL_CONFIG_KEY } from '../../src/core/storageKeys'
import { expect, type Page } from '@playwright/test'
import { editorText, replaceEditorText } from './codeEditor'

/** The Config panel's controls, found by their labels and accessible names. */
export function configPanel(page: Page) {
  const panel = {
    tab: page.getByRole('tab', { name: 'Config' }),
    files: page.getByRole('navigation', { name: 'Files' }),
    save: page.getByRole('button', { name: 'Save', exact: true }),
    discard: page.getByRole('button', { name: 'Discard changes' }),
    importButton: page.getByRole('button', { name: 'Import…' }),
    exportButton: page.getByRole('button', { name: 'Export' }),
    reset: page.getByRole('button', { name: 'Reset to defaults' }),
    status: page.locator('.file-status'),
    errors: page.locator('.issues.errors'),
    warnings: page.locator('.issues.warnings'),
    unsaved: page.getByText('Unsaved changes', { exact: true }),
    effective: page.getByRole('region', { name: 'Effective configuration' }),

    /** Opens the app (or the given address) on the Config panel. */
    async open(url = '/') {
      await page.goto(url)
      await panel.tab.click()
      await expect(panel.editor('config.yaml')).toBeVisible()
    },

    editor(fileName: string) {
      return page.getByRole('textbox', { name: fileName, exact: true })
    },

    editorText(fileName: string): Promise<string> {
      return editorText(panel.editor(fileName))
    },

    replaceText(fileName: string, text: string): Promise<void> {
      return replaceEditorText(panel.editor(fileName), text)
    },

    /** The text stored under `key`, read from the page's own storage; null when nothing is stored. */
    storedText(key = GLOBAL_CONFIG_KEY): Promise<string | null> {
      return page.evaluate((storageKey) => localStorage.getItem(storageKey), key)
    },

    /** The list entry of a file, named by the file and its marks: `(not created yet)`, `(invalid)`. */
    fileEntry(fileName: string) {
      return panel.files.getByRole('button', { name: new RegExp(`^${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`) })
    },

    /** Opens a plugin's own file, listed whether it was saved yet or not. */
    async addPluginFile(pluginName: string) {
      await panel.fileEntry(`${pluginName}.yaml`).click()
      await expect(panel.editor(`${pluginName}.yaml`)).toBeVisible()
    },

    /** The effective `ctx.config` (or `discovery`) shown for `name`. */
    async effectiveValue(name: string): Promise<unknown> {
      const exactName = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
      const entry = panel.effective.locator('dl > div').filter({ has: page.locator('dt > code', { hasText: exactName }) })
      return JSON.parse(await entry.locator('pre').innerText()) as unknown
    },
  }
  return panel
}
