import type { Locator } from '@playwright/test'

/** The text of a CodeMirror editor: it renders each line as its own element. */
export async function editorText(editor: Locator): Promise<string> {
  return (await editor.locator('.cm-line').allTextContents()).join('\n')
}

/** Replaces a CodeMirror editor's text as a user would, pasting it in. */
export async function replaceEditorText(editor: Locator, text: string): Promise<void> {
  await editor.click()
  await editor.page().keyboard.press('ControlOrMeta+A')
  await editor.page().keyboard.insertText(text)
}
