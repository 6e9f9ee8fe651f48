import { readFileSync, statSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { formatSize } from '../src/core/workspace/limits'
import { fileRow, openFilesPanel, serveSamples } from './support/filesPanel'

const SAMPLES_DIR = new URL('../public/samples/', import.meta.url)
const MiB = 1024 * 1024

function uploadInput(page: Page) {
  return page.getByLabel('Upload files')
}

async function confirmIn(page: Page, dialogName: string, answer: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: dialogName })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: answer, exact: true }).click()
  await expect(dialog).toBeHidden()
}

test('the workspace starts with every bundled sample', async ({ page }) => {
  const { files } = JSON.parse(readFileSync(new URL('index.json', SAMPLES_DIR), 'utf8')) as { files: string[] }
  await openFilesPanel(page)
  for (const path of files) {
    await expect(fileRow(page, path).size).toHaveText(formatSize(statSync(new URL(path, SAMPLES_DIR)).size))
  }
  await expect(page.locator('[data-field="usage"]')).toContainText(`${files.length} file${files.length === 1 ? '' : 's'}, `)
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('the panel, its viewer and its dialog have no detectable accessibility problems', async ({ page }) => {
  await openFilesPanel(page)
  await uploadInput(page).setInputFiles({ name: 'table.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') })
  await fileRow(page, 'table.csv').view.click()
  const scan = () => new AxeBuilder({ page }).include('.files-panel').analyze()
  expect((await scan()).violations).toEqual([])
  await fileRow(page, 'table.csv').remove.click()
  await expect(page.getByRole('dialog', { name: 'Delete table.csv?' })).toBeVisible()
  expect((await scan()).violations).toEqual([])
})

test('uploads with the file picker and shows each file with its size', async ({ page }) => {
  await openFilesPanel(page)
  await uploadInput(page).setInputFiles([
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello\nworld\n') },
    { name: 'data.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(1536, 7) },
  ])
  await expect(fileRow(page, 'notes.txt').size).toHaveText('12 B')
  await expect(fileRow(page, 'data.bin').size).toHaveText('1.5 KiB')
})

test('uploads files dropped on the drop zone', async ({ page }) => {
  await openFilesPanel(page)
  const zone = page.getByRole('region', { name: 'Drop files to upload' })
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer()
    transfer.items.add(new File(['id,x\n1,2\n'], 'dropped.csv', { type: 'text/csv' }))
    return transfer
  })
  await zone.dispatchEvent('dragenter', { dataTransfer })
  await expect(zone).toHaveClass(/dragging/)
  await zone.dispatchEvent('drop', { dataTransfer })
  await expect(zone).not.toHaveClass(/dragging/)
  await expect(fileRow(page, 'dropped.csv').size).toHaveText('9 B')
})

test('views a text file as text and a CSV file as a table', async ({ page }) => {
  await openFilesPanel(page)
  await uploadInput(page).setInputFiles([
    { name: 'readme.txt', mimeType: 'text/plain', buffer: Buffer.from('first line\n  indented <b>not bold</b>\n') },
    { name: 'quoted.csv', mimeType: 'text/csv', buffer: Buffer.from('name,note\r\n"Smith, Ann","said ""hi""\nthen left"\r\nBo,plain\r\n') },
    { name: 'blob.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2, 255]) },
  ])

  await fileRow(page, 'readme.txt').view.click()
  const textView = page.getByRole('region', { name: 'readme.txt' })
  await expect(textView.locator('pre')).toHaveText('first line\n  indented <b>not bold</b>\n', { useInnerText: true })

  await fileRow(page, 'quoted.csv').view.click()
  const table = page.getByRole('region', { name: 'quoted.csv' }).getByRole('table', { name: 'quoted.csv' })
  await expect(table.getByRole('columnheader')).toHaveText(['name', 'note'])
  await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText(['Smith, Ann', 'said "hi"\nthen left'], { useInnerText: true })
  await expect(table.getByRole('row').nth(2).getByRole('cell')).toHaveText(['Bo', 'plain'])

  await fileRow(page, 'blob.bin').view.click()
  await expect(page.getByRole('region', { name: 'blob.bin' })).toContainText('This is a binary file of 4 B')
})

test('the viewed file follows changes to it, and closes when it is deleted', async ({ page }) => {
  await openFilesPanel(page)
  await uploadInput(page).setInputFiles({ name: 'log.txt', mimeType: 'text/plain', buffer: Buffer.from('version 1') })
  await fileRow(page, 'log.txt').view.click()
  const view = page.getByRole('region', { name: 'log.txt' })
  await expect(view.locator('pre')).toHaveText('version 1')

  await uploadInput(page).setInputFiles({ name: 'log.txt', mimeType: 'text/plain', buffer: Buffer.from('version 2') })
  await expect(view.locator('pre')).toHaveText('version 2')

  await fileRow(page, 'log.txt').remove.click()
  await confirmIn(page, 'Delete log.txt?', 'Delete')
  await expect(view).toHaveCount(0)
})

test('downloads a file byte for byte', async ({ page }) => {
  await openFilesPanel(page)
  const bytes = Buffer.from(Array.from({ length: 256 }, (_, index) => index))
  await uploadInput(page).setInputFiles({ name: 'all-bytes.bin', mimeType: 'application/octet-stream', buffer: bytes })

  const downloading = page.waitForEvent('download')
  await fileRow(page, 'all-bytes.bin').download.click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('all-bytes.bin')
  expect(readFileSync(await download.path())).toEqual(bytes)
})

test('deletes a file only once the deletion is confirmed', async ({ page }) => {
  await openFilesPanel(page)
  await uploadInput(page).setInputFiles({ name: 'doomed.txt', mimeType: 'text/plain', buffer: Buffer.from('bye') })
  const doomed = fileRow(page, 'doomed.txt')

  await doomed.remove.click()
  await confirmIn(page, 'Delete doomed.txt?', 'Cancel')
  await expect(doomed.row).toBeVisible()

  await doomed.remove.click()
  await confirmIn(page, 'Delete doomed.txt?', 'Delete')
  await expect(doomed.row).toHaveCount(0)
})

test('restoring the samples brings back deleted and changed samples and keeps other files', async ({ page }) => {
  await serveSamples(page, { 'hello.txt': 'hello from the samples\n', 'table.csv': 'a,b\n1,2\n' })
  await openFilesPanel(page)
  await expect(fileRow(page, 'hello.txt').size).toHaveText('23 B')
  await expect(fileRow(page, 'table.csv').size).toHaveText('8 B')

  await fileRow(page, 'hello.txt').remove.click()
  await confirmIn(page, 'Delete hello.txt?', 'Delete')
  await uploadInput(page).setInputFiles([
    { name: 'table.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n3,4\n') },
    { name: 'mine.txt', mimeType: 'text/plain', buffer: Buffer.from('mine') },
  ])
  await expect(fileRow(page, 'hello.txt').row).toHaveCount(0)
  await expect(fileRow(page, 'table.csv').size).toHaveText('12 B')

  await page.getByRole('button', { name: 'Restore samples' }).click()
  await confirmIn(page, 'Restore samples?', 'Restore')
  await expect(fileRow(page, 'hello.txt').size).toHaveText('23 B')
  await expect(fileRow(page, 'table.csv').size).toHaveText('8 B')
  await expect(fileRow(page, 'mine.txt').size).toHaveText('4 B')
})

test('a file over the size limit is refused with the exact message and nothing is lost', async ({ page }) => {
  await openFilesPanel(page)
  await uploadInput(page).setInputFiles({ name: 'big.bin', mimeType: 'application/octet-stream', buffer: Buffer.from('old') })
  await expect(fileRow(page, 'big.bin').size).toHaveText('3 B')

  await uploadInput(page).setInputFiles({ name: 'big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(11 * MiB) })
  await expect(page.getByRole('alert')).toHaveText("File too large: 'big.bin' is 11.0 MiB; the limit is 10 MiB per file")
  await expect(fileRow(page, 'big.bin').size).toHaveText('3 B')
})

test('files persist across a reload, and deleted samples are not brought back by it', async ({ page }) => {
  await serveSamples(page, { 'hello.txt': 'hello from the samples\n' })
  await openFilesPanel(page)
  await expect(fileRow(page, 'hello.txt').row).toBeVisible()
  await fileRow(page, 'hello.txt').remove.click()
  await confirmIn(page, 'Delete hello.txt?', 'Delete')
  await uploadInput(page).setInputFiles({ name: 'kept.txt', mimeType: 'text/plain', buffer: Buffer.from('still here') })
  await expect(fileRow(page, 'kept.txt').size).toHaveText('10 B')

  await page.reload()
  await page.getByRole('tab', { name: 'Files' }).click()
  await expect(fileRow(page, 'kept.txt').size).toHaveText('10 B')
  await expect(fileRow(page, 'hello.txt').row).toHaveCount(0)
})

test('two tabs see each other’s uploads and deletions live', async ({ context }) => {
  const [first, second] = [await context.newPage(), await context.newPage()]
  await openFilesPanel(first)
  await openFilesPanel(second)

  await uploadInput(first).setInputFiles({ name: 'shared.txt', mimeType: 'text/plain', buffer: Buffer.from('across tabs') })
  await expect(fileRow(second, 'shared.txt').size).toHaveText('11 B')

  await fileRow(second, 'shared.txt').remove.click()
  await confirmIn(second, 'Delete shared.txt?', 'Delete')
  await expect(fileRow(first, 'shared.txt').row).toHaveCount(0)
})
