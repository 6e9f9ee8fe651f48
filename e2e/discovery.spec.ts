import { GLOBAL_CONFIG_KEY, pluginConfigKey } from '../src/core/storageKeys'
import { expect, presetConfig, test, withRegistries } from './support/fixtures'
import { executePanel } from './support/executePanel'
import { pluginCard } from './support/pluginsPanel'

const moduleRequests = (requests: string[]) => requests.filter((path) => path.endsWith('.js'))

test.describe('consent before foreign code runs', () => {
  test('a registry from another origin loads no module until the user agrees once', async ({ page, untrustedThirdParty: other }) => {
    await page.goto(withRegistries(`${other.origin}/cors/execute.json`))
    const prompt = page.getByRole('alertdialog', { name: `Run plugins from ${other.origin}?` })
    await expect(prompt).toBeVisible()
    await expect(prompt.getByRole('listitem')).toHaveText([
      `outcomes — ${other.origin}/cors/corpus/outcomes.js`,
      `good — ${other.origin}/cors/corpus/good.js`,
      `health_hangs — ${other.origin}/cors/corpus/health-hangs.js`,
    ])
    await expect(pluginCard(page, 'good').state).toHaveText('Waiting for your consent')
    expect(other.requests).toContain('/cors/execute.json')
    expect(moduleRequests(other.requests)).toEqual([])

    await prompt.getByRole('button', { name: 'Allow once' }).click()
    await expect(pluginCard(page, 'good').state).toHaveText('Loaded')
    await expect(prompt).toHaveCount(0)
    expect(moduleRequests(other.requests)).toContain('/cors/corpus/good.js')

    await page.reload()
    await expect(page.getByRole('alertdialog', { name: `Run plugins from ${other.origin}?` })).toBeVisible()
  })

  test('declining keeps the plugins listed and unloaded', async ({ page, untrustedThirdParty: other }) => {
    await page.goto(withRegistries(`${other.origin}/cors/execute.json`))
    await page.getByRole('button', { name: 'Do not load' }).click()
    await expect(pluginCard(page, 'good').state).toHaveText('Not loaded (declined)')
    expect(moduleRequests(other.requests)).toEqual([])
  })

  test('"Always trust" adds the origin to discovery.trusted_sources and keeps the comments', async ({ page, untrustedThirdParty: other }) => {
    await presetConfig(page, '# my settings\ndiscovery:\n  trusted_sources: [] # nobody yet\n')
    await page.goto(withRegistries(`${other.origin}/cors/execute.json`))
    await page.getByRole('button', { name: `Always trust ${other.origin}` }).click()
    await expect(pluginCard(page, 'good').state).toHaveText('Loaded')
    const stored = await page.evaluate((key) => localStorage.getItem(key), GLOBAL_CONFIG_KEY)
    expect(stored).toContain('# my settings')
    expect(stored).toContain(other.origin)

    await page.reload()
    await expect(pluginCard(page, 'good').state).toHaveText('Loaded')
    await expect(page.getByRole('alertdialog')).toHaveCount(0)
  })
})

// These tests write their own config.yaml, trust included, so they use the fixture that presets nothing.
test('auto_load: false lists plugins and imports nothing until one is loaded from the Plugins panel', async ({ page, untrustedThirdParty: thirdParty }) => {
  await presetConfig(page, `discovery:\n  auto_load: false\n  trusted_sources: ['${thirdParty.origin}']\n`)
  await page.goto(withRegistries(`${thirdParty.origin}/cors/execute.json`))
  const good = pluginCard(page, 'good')
  await expect(good.state).toHaveText('Not loaded')
  await expect(pluginCard(page, 'outcomes').state).toHaveText('Not loaded')
  expect(moduleRequests(thirdParty.requests)).toEqual([])

  await good.card.getByRole('button', { name: 'Load good' }).click()
  await expect(good.state).toHaveText('Loaded')
  expect(moduleRequests(thirdParty.requests)).toEqual(['/cors/corpus/good.js'])
  await expect(pluginCard(page, 'outcomes').state).toHaveText('Not loaded')
})

test('discovery.plugin_paths adds a second registry to the bundled one', async ({ page, untrustedThirdParty: thirdParty }) => {
  await presetConfig(page, `discovery:\n  plugin_paths: ['${thirdParty.origin}/cors/execute.json']\n  trusted_sources: ['${thirdParty.origin}']\n`)
  await page.goto('/')
  await expect(pluginCard(page, 'hello').state).toHaveText('Loaded')
  await expect(pluginCard(page, 'good').state).toHaveText('Loaded')
  await expect(page.getByRole('region', { name: 'Registries in use' })).toContainText('Execute fixtures')
})

test('ctx.config is plugins.<name> overlaid by <name>.yaml', async ({ page, untrustedThirdParty: thirdParty }) => {
  await page.addInitScript((key) => {
    if (localStorage.getItem(key) === null) localStorage.setItem(key, 'colour: blue\nextra: [1, 2]\n')
  }, pluginConfigKey('outcomes'))
  await presetConfig(page, `plugins:\n  outcomes: {colour: red, size: 3}\ndiscovery:\n  trusted_sources: ['${thirdParty.origin}']\n`)
  await page.goto(withRegistries(`${thirdParty.origin}/cors/execute.json`))
  const execute = executePanel(page)
  await execute.start('outcomes', 'show_config')
  expect(await execute.resultObject()).toEqual({ status: 'success', config: { colour: 'blue', size: 3, extra: [1, 2] } })
})

test('plugins.<name>.min_version marks an older plugin incompatible in Plugins and Health', async ({ page, untrustedThirdParty: thirdParty }) => {
  await presetConfig(
    page,
    `plugins:\n  good: {min_version: "3.0.0"}\n  outcomes: {min_version: "1.0.0"}\ndiscovery:\n  trusted_sources: ['${thirdParty.origin}']\n`,
  )
  await page.goto(withRegistries(`${thirdParty.origin}/cors/execute.json`))
  const good = pluginCard(page, 'good')
  await expect(good.state).toHaveText('Loaded')
  await expect(good.card.locator('[data-field="compatibility"]')).toHaveText('Incompatible: requires >= 3.0.0, found 2.0.0')
  await expect(pluginCard(page, 'outcomes').card.locator('[data-field="compatibility"]')).toHaveCount(0)

  await page.getByRole('tab', { name: 'Health' }).click()
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'good', exact: true }) })
  await expect(row.locator('[data-field="compatibility"]')).toHaveText('Incompatible: requires >= 3.0.0, found 2.0.0')
})
