import { expect, type Page } from '@playwright/test'
import { confirmIn } from './support/dialogs'
import { fileRow, folderRow, openFilesPanel, openFolder, serveSamples, storeFilesDirectly } from './support/filesPanel'
import { test } from './support/fixtures'

const SAMPLES = { 'cases.csv': 'id\n1\n', 'doe/cases.csv': 'id,x\n1,2\n', 'doe/runs/1.csv': 'a\n' }

function fileTableRows(page: Page) {
  return page.getByRole('table', { name: 'Workspace files' }).locator('tbody > tr')
}

/**
 * How far the Files panel reaches past the window or its own box sideways: 0 when nothing in it is wider
 * than the window. (The tab list above it is measured by the layout tests.)
 */
function panelOverflow(page: Page): Promise<number> {
  return page.getByRole('tabpanel', { name: 'Files' }).evaluate((panel) => {
    const box = panel.getBoundingClientRect()
    return Math.max(0, panel.scrollWidth - panel.clientWidth, box.width - document.documentElement.clientWidth)
  })
}

/** `count` cache files as DOE Runner leaves them. */
function cachePaths(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `.doe_cache/${String(index).padStart(4, '0')}.json`)
}

test('folders start closed with their file count and size, and open and close on request', async ({ page }) => {
  // Thousands of files are stored and hundreds of rows drawn: on a busy machine that takes a while.
  test.slow()
  await serveSamples(page, SAMPLES)
  await openFilesPanel(page)
  await storeFilesDirectly(page, cachePaths(300))
  await openFilesPanel(page)

  const cache = folderRow(page, '.doe_cache')
  await expect(cache.count).toHaveText('300 files')
  await expect(cache.size).toHaveText('0 B')
  await expect(folderRow(page, 'doe').count).toHaveText('2 files')
  await expect(folderRow(page, 'doe').size).toHaveText('11 B')
  await expect(fileTableRows(page)).toHaveCount(3)
  await expect(cache.toggle).toHaveAttribute('aria-expanded', 'false')

  await cache.toggle.click()
  await expect(cache.toggle).toHaveAttribute('aria-expanded', 'true')
  await expect(fileTableRows(page)).toHaveCount(303)
  await expect(fileRow(page, '.doe_cache/0299.json').row).toBeVisible()

  await cache.toggle.click()
  await expect(fileTableRows(page)).toHaveCount(3)
  await openFolder(page, 'doe/runs')
  await expect(fileRow(page, 'doe/runs/1.csv').size).toHaveText('2 B')
  await expect(fileRow(page, 'doe/cases.csv').size).toHaveText('9 B')
})

test('the filter shows the matching files in their opened folders, and says when none match', async ({ page }) => {
  await serveSamples(page, SAMPLES)
  await openFilesPanel(page)
  const filter = page.getByLabel('Filter files')

  await filter.fill('CASES')
  await expect(page.locator('[data-field="matches"]')).toHaveText('2 of 3 files match.')
  await expect(folderRow(page, 'doe').toggle).toHaveAttribute('aria-expanded', 'true')
  await expect(fileRow(page, 'doe/cases.csv').row).toBeVisible()
  await expect(fileRow(page, 'cases.csv').row).toBeVisible()
  await expect(fileTableRows(page)).toHaveCount(3)

  await filter.fill('nothing-like-this')
  await expect(page.locator('[data-field="matches"]')).toHaveText('No file matches “nothing-like-this”.')
  await expect(fileTableRows(page)).toHaveCount(0)

  await filter.fill('')
  await expect(page.locator('[data-field="matches"]')).toHaveCount(0)
  await expect(fileTableRows(page)).toHaveCount(2)
})

test('a folder is deleted at once, after a confirmation that names how many files go', async ({ page }) => {
  await serveSamples(page, SAMPLES)
  await openFilesPanel(page)
  const doe = folderRow(page, 'doe')

  await doe.remove.click()
  const dialog = page.getByRole('dialog', { name: 'Delete doe/ and its 2 files?' })
  await expect(dialog).toContainText('All 2 files in doe/, its subfolders included, are removed from the workspace. This cannot be undone.')
  await confirmIn(page, 'Delete doe/ and its 2 files?', 'Cancel')
  await expect(doe.row).toBeVisible()

  await doe.remove.click()
  await confirmIn(page, 'Delete doe/ and its 2 files?', 'Delete 2 files')
  await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toHaveText('Deleted doe/ and its 2 files.')
  await expect(doe.row).toHaveCount(0)
  await expect(fileRow(page, 'cases.csv').row).toBeVisible()
  await expect(page.locator('[data-field="usage"]')).toContainText('1 of 20,000 files')
})

test('restoring the samples says so once it has finished', async ({ page }) => {
  await serveSamples(page, SAMPLES)
  await openFilesPanel(page)
  await fileRow(page, 'cases.csv').remove.click()
  await confirmIn(page, 'Delete cases.csv?', 'Delete')
  await expect(fileRow(page, 'cases.csv').row).toHaveCount(0)

  await page.getByRole('button', { name: 'Restore samples' }).click()
  await confirmIn(page, 'Restore samples?', 'Restore')
  await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toHaveText('Restored 3 sample files.')
  await expect(fileRow(page, 'cases.csv').size).toHaveText('5 B')
})

for (const width of [1280, 390]) {
  test(`at ${width} px the viewer opens above the list, takes the focus, and a wide CSV scrolls in its own box, not the panel`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 })
    const header = Array.from({ length: 40 }, (_, index) => `a_rather_long_column_name_${index}`).join(',')
    const row = Array.from({ length: 40 }, (_, index) => `value-${index}-with-some-length`).join(',')
    await serveSamples(page, { ...SAMPLES, ...Object.fromEntries(cachePaths(40).map((path) => [path, '{}'])), 'wide.csv': `${header}\n${row}\n` })
    await openFilesPanel(page)
    expect(await panelOverflow(page)).toBe(0)

    await fileRow(page, 'wide.csv').view.click()
    const viewer = page.getByRole('region', { name: 'wide.csv' })
    await expect(viewer).toBeFocused()
    await expect(viewer).toBeInViewport()
    const [viewerBox, tableBox] = [await viewer.boundingBox(), await page.getByRole('table', { name: 'Workspace files' }).boundingBox()]
    expect(viewerBox && tableBox && viewerBox.y < tableBox.y).toBe(true)

    const scroller = viewer.locator('.scroller')
    expect(await scroller.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true)
    expect(await panelOverflow(page)).toBe(0)
    await expect(viewer.getByRole('button', { name: 'Close wide.csv' })).toBeInViewport()
  })
}
