import { readFileSync, statSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'
import { formatCount, formatSize } from '../src/core/format'
import { MAX_FILES } from '../src/core/workspace/limits'
import { confirmIn } from './support/dialogs'
import { executePanel } from './support/executePanel'
import { fileRow, folderRow, openFilesPanel, openFolder, serveSamples, storeFilesDirectly } from './support/filesPanel'
import { test, withRegistries } from './support/fixtures'

const SAMPLES_DIR = new URL('../public/samples/', import.meta.url)
const MiB = 1024 * 1024

function uploadInput(page: Page) {
  return page.getByLabel('Upload files')
}

function fileTableRows(page: Page) {
  return page.getByRole('table', { name: 'Workspace files' }).locator('tbody > tr')
}

/** `count` paths below `folder`, numbered so that they sort in order. */
function numberedPaths(folder: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${folder}/case-${String(index).padStart(5, '0')}.json`)
}

/** A plugin, served from the app's own origin, that answers `ctx.fs.exists` for each of `paths`. */
test('the workspace starts with every bundled sample', async ({ page }) => {
  const { files } = JSON.parse(readFileSync(new URL('index.json', SAMPLES_DIR), 'utf8')) as { files: string[] }
  await openFilesPanel(page)
  for (const folder of new Set(files.filter((path) => path.includes('/')).map((path) => path.slice(0, path.lastIndexOf('/'))))) {
    await openFolder(page, folder)
  }
  for (const path of files) {
    await expect(fileRow(page, path).size).toHaveText(formatSize(statSync(new URL(path, SAMPLES_DIR)).size))
  }
  await expect(page.locator('[data-field="usage"]')).toContainText(`${files.length} of ${formatCount(MAX_FILES)} files, `)
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

test('a path over the length limit is refused with the exact message', async ({ page }) => {
  await openFilesPanel(page)
  const name = `${'long-name-'.repeat(150)}.txt`
  await uploadInput(page).setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from('x') })
  await expect(page.getByRole('alert')).toHaveText(`Path too long: '${name.slice(0, 40)}…' has 1,504 characters; the limit is 1,024`)
  await expect(fileTableRows(page).filter({ hasText: 'long-name-' })).toHaveCount(0)
})

test('past the file count limit a new file is refused, while files can still be rewritten and replaced', async ({ page }) => {
  // 20,000 files are written, counted and listed again after each change: on a busy machine that takes its time.
  test.slow()
  const listed = expect.configure({ timeout: 30_000 })
  await serveSamples(page, {})
  await openFilesPanel(page)
  await storeFilesDirectly(page, numberedPaths('runs', MAX_FILES))
  await openFilesPanel(page)
  await listed(page.locator('[data-field="usage"]')).toContainText('20,000 of 20,000 files')

  await uploadInput(page).setInputFiles({ name: 'extra.txt', mimeType: 'text/plain', buffer: Buffer.from('x') })
  await listed(page.getByRole('alert')).toHaveText("Too many files: writing 'extra.txt' would make 20,001 files; the limit is 20,000")
  await expect(fileRow(page, 'extra.txt').row).toHaveCount(0)

  await openFolder(page, 'runs')

  await fileRow(page, 'runs/case-00000.json').remove.click()
  await confirmIn(page, 'Delete runs/case-00000.json?', 'Delete')
  await listed(fileRow(page, 'runs/case-00000.json').row).toHaveCount(0)
  // Closed again, so that the files at the root come before the folder's 19,999 rows.
  await folderRow(page, 'runs').toggle.click()
  await uploadInput(page).setInputFiles({ name: 'extra.txt', mimeType: 'text/plain', buffer: Buffer.from('x') })
  await listed(fileRow(page, 'extra.txt').size).toHaveText('1 B')
  await expect(page.getByRole('alert')).toHaveCount(0)

  await uploadInput(page).setInputFiles({ name: 'extra.txt', mimeType: 'text/plain', buffer: Buffer.from('xyz') })
  await listed(fileRow(page, 'extra.txt').size).toHaveText('3 B')
  await uploadInput(page).setInputFiles({ name: 'another.txt', mimeType: 'text/plain', buffer: Buffer.from('x') })
  await listed(page.getByRole('alert')).toHaveText("Too many files: writing 'another.txt' would make 20,001 files; the limit is 20,000")
})

test('a long list shows 500 rows at first, then more or all of them on request', async ({ page }) => {
  // Thousands of files are stored and hundreds of rows drawn: on a busy machine that takes a while.
  test.slow()
  await serveSamples(page, {})
  await openFilesPanel(page)
  await storeFilesDirectly(page, numberedPaths('.doe_cache', 1234))
  await openFilesPanel(page)
  await openFolder(page, '.doe_cache')
  const rows = fileTableRows(page)
  const showMore = page.getByRole('button', { name: 'Show more', exact: true })
  const showAll = page.getByRole('button', { name: 'Show all 1,235 rows', exact: true })

  await expect(rows).toHaveCount(500)
  await expect(page.getByRole('status').filter({ hasText: 'Showing the first' })).toHaveText('Showing the first 500 of 1,235 rows.')
  await expect(page.locator('[data-field="usage"]')).toContainText('1,234 of 20,000 files')
  // The rows are like those the accessibility test above scans; here only the paging controls are new.
  expect((await new AxeBuilder({ page }).include('.more-rows').analyze()).violations).toEqual([])

  await showMore.click()
  await expect(rows).toHaveCount(1000)
  await expect(page.getByText('Showing the first 1,000 of 1,235 rows.')).toBeVisible()
  await expect(fileRow(page, '.doe_cache/case-00499.json').view).toBeFocused()

  await showAll.click()
  await expect(rows).toHaveCount(1235)
  await expect(showMore).toHaveCount(0)
  await expect(showAll).toHaveCount(0)
  await expect(fileRow(page, '.doe_cache/case-00999.json').view).toBeFocused()
})

test('ctx.fs.exists is true for a file and for a folder with files below it', async ({ page, thirdParty }) => {
  await serveSamples(page, { 'doe/cases.csv': 'id\n', 'doe/runs/1.csv': 'id\n', 'doe.txt': 'x' })
  await page.goto(withRegistries(`${thirdParty.origin}/cors/exists.json`))
  const expected = {
    doe: true,
    'doe/': true,
    'doe/runs': true,
    'doe/cases.csv': true,
    '': true,
    '.': true,
    do: false,
    'doe/cases': false,
    'doe-x': false,
    nothing: false,
  }
  const execute = executePanel(page)
  await execute.start('exists_probe', 'exists', JSON.stringify({ paths: Object.keys(expected) }))
  await expect(execute.outcome).toContainText('Command executed successfully')
  expect(await execute.resultObject()).toEqual({ status: 'success', exists: expected })
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
