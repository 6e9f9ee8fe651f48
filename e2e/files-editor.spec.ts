import { expect, type Page } from '@playwright/test'
import { editorText, replaceEditorText } from './support/codeEditor'
import { confirmIn } from './support/dialogs'
import { fileEditor, fileRow, folderRow, openFilesPanel, serveSamples } from './support/filesPanel'
import { test } from './support/fixtures'

const SAMPLES = { 'cases.csv': 'id\n1\n', 'doe/cases.csv': 'id,x\n1,2\n' }

function usage(page: Page) {
  return page.locator('[data-field="usage"]')
}

function viewer(page: Page, path: string) {
  return page.getByRole('region', { name: path, exact: true })
}

test('a new text file is created in place, shown once saved, and kept across a reload', async ({ page }) => {
  await serveSamples(page, SAMPLES)
  await openFilesPanel(page)
  await page.getByRole('button', { name: 'New file', exact: true }).click()
  const editor = fileEditor(page, null)
  await expect(editor.path).toBeFocused()

  await editor.path.fill('notes/todo.txt')
  await replaceEditorText(editor.text, 'first line\nsecond line')
  await expect(editor.unsaved).toBeVisible()
  await editor.save.click()

  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved notes/todo.txt.')
  await expect(editor.region).toHaveCount(0)
  await expect(viewer(page, 'notes/todo.txt').locator('pre')).toHaveText('first line\nsecond line')
  await expect(folderRow(page, 'notes').toggle).toHaveAttribute('aria-expanded', 'true')
  await expect(fileRow(page, 'notes/todo.txt').size).toHaveText('22 B')
  await expect(usage(page)).toContainText('3 of 20,000 files')

  await page.reload()
  await page.getByRole('tab', { name: 'Files' }).click()
  await folderRow(page, 'notes').toggle.click()
  await fileRow(page, 'notes/todo.txt').view.click()
  await expect(viewer(page, 'notes/todo.txt').locator('pre')).toHaveText('first line\nsecond line')
})

for (const [name, typed, message] of [
  ['no path', '   ', "Enter the new file's path, such as notes.txt or doe/cases.csv"],
  ['a path above the workspace', '..', "Path escapes the workspace: '..'"],
  ['a path with a NUL character', 'a\0b.txt', 'A path cannot contain the NUL character (\\0)'],
  ['the path of an existing file', './cases.csv', "'cases.csv' already exists: use its Edit button to change it"],
  ['the path of a folder', 'doe/', "'doe' is a folder: choose another path"],
]) {
  test(`a new file with ${name} is refused with the exact message, and nothing is lost`, async ({ page }) => {
    await serveSamples(page, SAMPLES)
    await openFilesPanel(page)
    await page.getByRole('button', { name: 'New file', exact: true }).click()
    const editor = fileEditor(page, null)
    await editor.path.fill(typed)
    await replaceEditorText(editor.text, 'keep me')

    await editor.save.click()
    await expect(editor.error).toHaveText(message)
    await expect(editor.path).toHaveAttribute('aria-invalid', 'true')
    await expect(editor.path).toBeFocused()
    await expect(editor.path).toHaveValue(typed)
    expect(await editorText(editor.text)).toBe('keep me')
    await expect(usage(page)).toContainText('2 of 20,000 files')
    await fileRow(page, 'cases.csv').view.click()
    await confirmIn(page, 'Discard your changes to', 'Cancel')
    await expect(editor.region).toBeVisible()
    await expect(viewer(page, 'cases.csv')).toHaveCount(0)
  })
}

test('a file is edited in place: Ctrl+S saves it, and the viewer shows the new text', async ({ page }) => {
  await serveSamples(page, SAMPLES)
  await openFilesPanel(page)
  await fileRow(page, 'cases.csv').view.click()
  await viewer(page, 'cases.csv').getByRole('button', { name: 'Edit cases.csv' }).click()
  const editor = fileEditor(page, 'cases.csv')
  await expect(editor.text).toBeFocused()
  expect(await editorText(editor.text)).toBe('id\n1\n')
  await expect(editor.path).toHaveCount(0)

  await replaceEditorText(editor.text, 'id\n1\n2\n')
  await expect(editor.unsaved).toBeVisible()
  await page.keyboard.press('ControlOrMeta+S')

  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved cases.csv.')
  await expect(viewer(page, 'cases.csv').getByRole('table', { name: 'cases.csv' }).locator('tbody > tr')).toHaveCount(2)
  await expect(fileRow(page, 'cases.csv').size).toHaveText('7 B')
})

test('leaving an edit with unsaved changes asks first; discarding keeps the file as it was', async ({ page }) => {
  await serveSamples(page, SAMPLES)
  await openFilesPanel(page)
  await fileRow(page, 'cases.csv').edit.click()
  const editor = fileEditor(page, 'cases.csv')
  await replaceEditorText(editor.text, 'changed')

  await editor.cancel.click()
  await confirmIn(page, 'Discard your changes to cases.csv?', 'Cancel')
  expect(await editorText(editor.text)).toBe('changed')

  await editor.cancel.click()
  await confirmIn(page, 'Discard your changes to cases.csv?', 'Discard')
  await expect(editor.region).toHaveCount(0)
  await fileRow(page, 'cases.csv').view.click()
  await expect(viewer(page, 'cases.csv').getByRole('table', { name: 'cases.csv' }).locator('tbody > tr')).toHaveCount(1)
  await expect(fileRow(page, 'cases.csv').size).toHaveText('5 B')
})

test('a binary file is not opened in the editor, and says why', async ({ page }) => {
  await serveSamples(page, { ...SAMPLES, 'blob.bin': '\u0000\u0001\u0002\u0003' })
  await openFilesPanel(page)
  await fileRow(page, 'blob.bin').edit.click()
  await expect(page.getByRole('alert')).toHaveText('blob.bin is a binary file: only text files can be edited here')
  await expect(page.getByRole('region', { name: 'Edit blob.bin' })).toHaveCount(0)
})
