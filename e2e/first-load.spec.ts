import { expect, test } from '@playwright/test'
import { firstLoadChunks, lazyChunks, totalGzipBytes, type Chunk } from './support/firstLoad'
import { pluginCard, pluginsPanel } from './support/pluginsPanel'

/** Gzipped JavaScript the page may fetch before its first paint. */
const FIRST_LOAD_LIMIT_BYTES = 60_000

const describe = (chunks: readonly Chunk[]) =>
  chunks
    .toSorted((a, b) => b.gzipBytes - a.gzipBytes)
    .map((loaded) => `${loaded.path} ${(loaded.gzipBytes / 1000).toFixed(1)} kB`)
    .join('\n')

test('the first load is at most 60 kB of gzipped JavaScript', async ({}, testInfo) => {
  const firstLoad = await firstLoadChunks()
  const lazy = lazyChunks(firstLoad)
  const total = totalGzipBytes(firstLoad)
  testInfo.annotations.push(
    { type: 'first load (gzip)', description: `${(total / 1000).toFixed(1)} kB\n${describe(firstLoad)}` },
    { type: 'lazy (gzip)', description: `${(totalGzipBytes(lazy) / 1000).toFixed(1)} kB\n${describe(lazy)}` },
  )
  console.log(`first load: ${(total / 1000).toFixed(1)} kB gzipped in ${firstLoad.length} scripts; lazy: ${(totalGzipBytes(lazy) / 1000).toFixed(1)} kB`)
  expect(firstLoad.length).toBeGreaterThan(0)
  expect(total).toBeLessThanOrEqual(FIRST_LOAD_LIMIT_BYTES)
})

test('the Plugins panel shows while every script after the first load is held back', async ({ page }) => {
  const initial = new Set((await firstLoadChunks()).map((loaded) => `/${loaded.path}`))
  const held: (() => Promise<void>)[] = []
  let holding = true
  await page.route(
    (url) => url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js') && !initial.has(url.pathname),
    (route) => (holding ? void held.push(() => route.continue()) : route.continue()),
  )
  await page.goto('/')
  await expect(page.getByRole('tab', { name: 'Plugins' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('tabpanel', { name: 'Plugins' })).toContainText('Loading registries…')
  // The settings reader (YAML parser and semver) was asked for after the page showed, and is still held.
  await expect.poll(() => held.length).toBeGreaterThan(0)

  holding = false
  await Promise.all(held.map((release) => release()))
  await expect(pluginsPanel(page).summary).toHaveText(/^\d+ plugins, /)
  await expect(pluginCard(page, 'hello').state).toHaveText('Loaded')
})
