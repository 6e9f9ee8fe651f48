import { expect, test, withRegistries } from './support/fixtures'
import { executePanel } from './support/executePanel'
import { fileRow, folderRow } from './support/filesPanel'

test.beforeEach(async ({ page, thirdParty }) => {
  await page.goto(withRegistries(`${thirdParty.origin}/cors/execute.json`))
})

test('a command reads an uploaded file through ctx.fs and writes one that then appears in Files', async ({ page }) => {
  await page.getByRole('tab', { name: 'Files' }).click()
  await page.getByLabel('Upload files').setInputFiles({ name: 'input.txt', mimeType: 'text/plain', buffer: Buffer.from('hello from a file') })
  await expect(fileRow(page, 'input.txt').row).toBeVisible()

  const execute = executePanel(page)
  await execute.start('outcomes', 'copy_file', 'from: input.txt\nto: out/copied.txt')
  await expect(execute.outcome).toContainText('Command executed successfully')
  const result = await execute.resultObject()
  expect(result.bytes).toBe(17)
  expect(result.files).toContain('out/copied.txt')

  await page.getByRole('tab', { name: 'Files' }).click()
  // Folders start closed.
  await folderRow(page, 'out').toggle.click()
  const copied = fileRow(page, 'out/copied.txt')
  await expect(copied.size).toHaveText('17 B')
  await copied.view.click()
  await expect(page.getByText('HELLO FROM A FILE')).toBeVisible()
})

test('a path that escapes the workspace is refused', async ({ page }) => {
  const execute = executePanel(page)
  await execute.start('outcomes', 'read_outside')
  await expect(execute.outcome).toHaveText(/^Command failed: Plugin execution failed: Path escapes the workspace: '\.\.\/\.\.\/etc\/passwd'/)
})

test('reading a missing file rejects with ENOENT and the Python message', async ({ page }) => {
  const execute = executePanel(page)
  await execute.start('outcomes', 'read_missing')
  expect(await execute.resultObject()).toEqual({ status: 'error', message: "No such file or directory: 'nope/missing.txt'", code: 'ENOENT' })
})

test('a write over the size limit fails with the limit message and keeps the old content', async ({ page }) => {
  const execute = executePanel(page)
  await execute.start('outcomes', 'write_big')
  await expect(execute.outcome).toHaveText(/^Command failed: Plugin execution failed: File too large: 'notes\.txt' is 11\.0 MiB; the limit is 10 MiB per file/)
  await page.getByRole('tab', { name: 'Files' }).click()
  const notes = fileRow(page, 'notes.txt')
  await expect(notes.size).toHaveText('4 B')
})
