import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { pluginCard } from './support/pluginsPanel'

/** The Plugins panel's registry builder, opened. */
async function openBuilder(page: Page) {
  await page.getByRole('button', { name: 'Build a registry' }).click()
  const section = page.getByRole('region', { name: 'Build a registry' })
  const builder = {
    section,
    issues: section.locator('[data-field="builder-issues"] li'),
    valid: section.locator('[data-field="builder-valid"]'),
    link: section.getByLabel('Registry link'),
    async addPlugin(name: string, moduleUrl: string, exportName = '') {
      await section.getByRole('button', { name: 'Add plugin' }).click()
      const row = section.getByRole('group').last()
      await row.getByLabel('Name').fill(name)
      await row.getByLabel('Module URL').fill(moduleUrl)
      if (exportName) await row.getByLabel('Export').fill(exportName)
    },
  }
  await expect(section).toBeVisible()
  return builder
}

test('a registry built from URLs is checked, downloaded, and shared as a link that opens it', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin
  await page.goto('/')
  const builder = await openBuilder(page)
  await builder.section.getByLabel('Registry name').fill('Built here')
  await builder.addPlugin('greeter_copy', `${origin}/plugins/hello/plugin.js`, 'HelloPlugin')
  await builder.section.getByRole('button', { name: 'Check' }).click()
  await expect(builder.valid).toHaveText('The manifest is valid.')

  const [download] = await Promise.all([page.waitForEvent('download'), builder.section.getByRole('button', { name: 'Download registry.json' }).click()])
  expect(download.suggestedFilename()).toBe('registry.json')
  expect(JSON.parse(readFileSync(await download.path(), 'utf8'))).toEqual({
    $schema: `${origin}/registry.schema.json`,
    name: 'Built here',
    'entry-points': { 'strataregula.plugins': { greeter_copy: { module: `${origin}/plugins/hello/plugin.js`, export: 'HelloPlugin' } } },
  })

  await builder.section.getByRole('button', { name: 'Share as a link' }).click()
  const link = await builder.link.inputValue()
  expect(link).toMatch(/#manifest=[\w-]+$/)

  await page.goto('about:blank')
  await page.goto(link)
  const card = pluginCard(page, 'greeter_copy')
  await expect(card.state).toHaveText('Loaded')
  await expect(card.version).toHaveText('1.2.0')
  await expect(page.getByRole('region', { name: 'Registries in use' })).toContainText('Built here')
  await expect(pluginCard(page, 'hello').state).toHaveText('Loaded')
})

test('the builder shows each problem with its JSON path, and refuses to download or share until fixed', async ({ page }) => {
  await page.goto('/')
  const builder = await openBuilder(page)
  await builder.addPlugin('bad name', './relative.js')
  await builder.section.getByRole('button', { name: 'Download registry.json' }).click()
  await expect(builder.issues).toContainText([
    'entry-points."strataregula.plugins"."bad name": must be an absolute URL (https://…)',
    'entry-points."strataregula.plugins"."bad name": plugin name must match [A-Za-z0-9_.-]+',
  ])
  await builder.section.getByRole('button', { name: 'Share as a link' }).click()
  await expect(builder.link).toHaveCount(0)

  await builder.section.getByLabel('Name', { exact: true }).fill('good_name')
  await builder.section.getByLabel('Module URL').fill('https://plugins.example/good.js')
  await expect(builder.issues).toHaveCount(0)
  await builder.section.getByRole('button', { name: 'Check' }).click()
  await expect(builder.valid).toHaveText('The manifest is valid.')
})

test('a shared registry of another origin asks for consent like any other', async ({ page, untrustedThirdParty: other }) => {
  await page.goto('/')
  const builder = await openBuilder(page)
  await builder.addPlugin('good', `${other.origin}/cors/corpus/good.js`, 'GoodPlugin')
  await builder.section.getByRole('button', { name: 'Share as a link' }).click()
  const link = await builder.link.inputValue()

  await page.goto('about:blank')
  await page.goto(link)
  const prompt = page.getByRole('alertdialog', { name: `Run plugins from ${other.origin}?` })
  await expect(prompt).toBeVisible()
  await expect(pluginCard(page, 'good').state).toHaveText('Waiting for your consent')
  expect(other.requests.filter((path) => path.endsWith('.js'))).toEqual([])
  await prompt.getByRole('button', { name: 'Allow once' }).click()
  await expect(pluginCard(page, 'good').state).toHaveText('Loaded')
})

test('a tampered registry link is reported and ignored', async ({ page }) => {
  await page.goto('/#manifest=AAAAtampered')
  await expect(page.getByRole('alert').filter({ hasText: 'This registry link is damaged and was ignored' })).toHaveText(
    /^This registry link is damaged and was ignored \(.+\)$/,
  )
  await expect(pluginCard(page, 'hello').state).toHaveText('Loaded')
})
