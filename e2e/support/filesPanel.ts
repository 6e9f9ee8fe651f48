import { expect, type Page } from '@playwright/test'
import { CONTENTS, ENTRIES, FILE_COUNT, META, TOTAL_SIZE } from '../../src/api/workspace/workspaceDb'
import { WORKSPACE_DB_NAME } from '../../src/core/storageKeys'

/** Opens the app on the Files panel, once the workspace has been listed (its usage line shows then). */
export async function openFilesPanel(page: Page): Promise<void> {
  await page.goto('/')
  await page.getByRole('tab', { name: 'Files' }).click()
  // The usage line shows once the workspace has been listed (the panel itself may still be loading); listing and
  // counting thousands of files takes a while on a busy machine.
  await expect(page.locator('[data-field="usage"]')).toBeVisible({ timeout: 30_000 })
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
    edit: button('Edit'),
    download: button('Download'),
    remove: button('Delete'),
  }
}

/** One folder's row in the Files panel: its open/close button, its size and file count, its Delete button. */
export function folderRow(page: Page, folder: string) {
  const row = page
    .getByRole('table', { name: 'Workspace files' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: `${folder}/`, exact: true }) })
  return {
    row,
    toggle: row.getByRole('button', { name: `${folder}/`, exact: true }),
    size: row.locator('[data-field="size"]'),
    count: row.locator('[data-field="count"]'),
    remove: row.getByRole('button', { name: `Delete ${folder}/`, exact: true }),
  }
}

/** Opens the folder `folder` (and so each folder above it) in the Files list, unless it is open already. */
export async function openFolder(page: Page, folder: string): Promise<void> {
  const parts = folder.split('/')
  for (let depth = 1; depth <= parts.length; depth++) {
    const { toggle } = folderRow(page, parts.slice(0, depth).join('/'))
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
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

/**
 * Puts empty files at `paths` straight into the workspace database, much faster than a plugin could, and
 * drops the usage records so the app counts the files again, as it does for a database of an older version.
 * The app shows them once the page is loaded again.
 */
export async function storeFilesDirectly(page: Page, paths: string[]): Promise<void> {
  const names = { database: WORKSPACE_DB_NAME, entries: ENTRIES, contents: CONTENTS, meta: META, usage: [FILE_COUNT, TOTAL_SIZE] }
  await page.evaluate(
    async ({ paths, names }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(names.database)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      const transaction = db.transaction([names.entries, names.contents, names.meta], 'readwrite')
      const modified = Date.now()
      for (const path of paths) {
        transaction.objectStore(names.entries).put({ path, size: 0, modified })
        transaction.objectStore(names.contents).put(new Uint8Array(), path)
      }
      for (const record of names.usage) transaction.objectStore(names.meta).delete(record)
      await new Promise((resolve, reject) => {
        transaction.oncomplete = resolve
        transaction.onerror = () => reject(transaction.error)
      })
      db.close()
    },
    { paths, names },
  )
}

/** The Files panel's editor, for a new file (`path` null) or an existing one, and its controls. */
export function fileEditor(page: Page, path: string | null) {
  const region = page.getByRole('region', { name: path === null ? 'New file' : `Edit ${path}` })
  return {
    region,
    path: region.getByRole('textbox', { name: 'Path', exact: true }),
    text: region.getByRole('textbox', { name: path === null ? 'Content' : `Content of ${path}`, exact: true }),
    error: region.getByRole('alert'),
    unsaved: region.getByText('Unsaved changes', { exact: true }),
    save: region.getByRole('button', { name: 'Save', exact: true }),
    cancel: region.getByRole('button', { name: 'Cancel', exact: true }),
  }
}
