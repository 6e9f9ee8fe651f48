import type { Page } from '@playwright/test'

/** The Plugins panel's `Try a local plugin` section. */
export function localPlugins(page: Page) {
  const section = page.getByRole('region', { name: 'Try a local plugin' })
  const dropZone = page.getByRole('region', { name: 'Drop a plugin module to try it' })
  const local = {
    section,
    dropZone,
    picker: section.getByLabel('Choose a plugin file'),
    pasteToggle: section.getByRole('button', { name: 'Paste code' }),
    loadCode: section.getByRole('button', { name: 'Load this code' }),
    error: section.locator('[data-field="local-error"]'),
    editor: (fileName = 'pasted.js') => page.getByRole('textbox', { name: `Plugin code (${fileName})`, exact: true }),

    /** Drops one file (text, or the bytes of a wheel) on the section's drop zone, as a file dragged from the desktop. */
    async drop(fileName: string, content: string | Uint8Array) {
      const dataTransfer = await page.evaluateHandle(
        ({ name, text, bytes }) => {
          const transfer = new DataTransfer()
          transfer.items.add(new File([text ?? new Uint8Array(bytes!)], name, { type: text === undefined ? 'application/zip' : 'text/javascript' }))
          return transfer
        },
        typeof content === 'string' ? { name: fileName, text: content } : { name: fileName, bytes: [...content] },
      )
      await dropZone.dispatchEvent('dragenter', { dataTransfer })
      await dropZone.dispatchEvent('dragover', { dataTransfer })
      await dropZone.dispatchEvent('drop', { dataTransfer })
    },

    /** Replaces the editor's code as a user would, pasting it in, and loads it. */
    async paste(text: string, fileName = 'pasted.js') {
      if (!(await local.editor(fileName).isVisible())) await local.pasteToggle.click()
      await local.editor(fileName).click()
      await page.keyboard.press('ControlOrMeta+A')
      await page.keyboard.insertText(text)
      await local.loadCode.click()
    },
  }
  return local
}

/** A small plugin module: `greet` answers with `greeting`, `wait` runs until it is stopped. */
export function greeterSource({ name = 'greeter', version = '1.0.0', greeting = 'hello from v1' } = {}): string {
  return `export class Greeter {
  get_info() { return { name: ${JSON.stringify(name)}, version: ${JSON.stringify(version)}, description: 'A local greeter', supported_commands: ['greet', 'wait'] } }
  greet() { return { status: 'success', greeting: ${JSON.stringify(greeting)} } }
  wait(kwargs, ctx) { return new Promise((resolve) => ctx.signal.addEventListener('abort', () => resolve({ status: 'error', message: 'stopped' }))) }
}
`
}
