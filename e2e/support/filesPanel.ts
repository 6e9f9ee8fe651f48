import { expect, type Page } from '@playwright/test'

/** Opens the app on the Files panel, once the workspace has been listed. */
export async function openFilesPanel(page: Page): Promise<void> {
  await page.goto('/')
  await page.getByRole('tab', { name: 'Files' }).click()
  await expect(page.getByText('Loading the workspace…')).toHaveCount(0)
}

/** One file's row in the Files panel and the controls that act on it. */
export function fileRow(page: Page, path: string) {
  const row = page
    .getByRole('table', { name: 'Workspace files' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: path, exact: true }) })
  const button = (action: string) => row.getByRole('button', { name: `${action} ${path}`, exact: true })
  return {
    row,
    size: row.locator('[data-field="size"]'),
    view: button('View'),
    download: button('Download'),
    remove: button('Delete'),
  }
}

/** Serves `files` as the app's samples (and their index) instead of the bundled ones. */
export async function serveSamples(page: Page, files: Record<string, string>): Promise<void> {
  await page.route('**/samples/**', async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.replace(/^.*?\/samples\//, ''))
    if (path === 'index.json') await route.fulfill({ json: { files: Object.keys(files) } })
    else if (path in files) await route.fulfill({ body: files[path], contentType: 'text/plain' })
    else await route.fulfill({ status: 404, body: 'not found' })
  })
}
