import { expect, test } from '@playwright/test'
import { pluginConfigKey } from '../src/core/storageKeys'
import { configPanel } from './support/configPanel'
import { pluginCard } from './support/pluginsPanel'

test("every loaded plugin's file is listed until it is created, and one click opens it with config.yaml's keys as a hint", async ({ page }) => {
  const config = configPanel(page)
  await config.open()
  await expect(config.files.getByRole('listitem')).toHaveText([
    'config.yaml',
    'doe_runner.yaml (not created yet)',
    'hello.yaml (not created yet)',
    'restaurant_config.yaml (not created yet)',
  ])

  await config.fileEntry('doe_runner.yaml').click()
  await expect(config.fileEntry('doe_runner.yaml')).toHaveAttribute('aria-current', 'true')
  await expect(config.status).toHaveText('Not created yet: doe_runner gets only plugins.doe_runner of config.yaml. Save to create this file in this browser.')
  await expect
    .poll(() => config.editorText('doe_runner.yaml'))
    .toBe(
      [
        '# Settings of the doe_runner plugin, as in ~/.strataregula/doe_runner.yaml.',
        '# Its keys overlay plugins.doe_runner of strataregula:config.yaml, key by key.',
        '# What config.yaml gives it now; uncomment a key to change it here:',
        '# default_workers: 4',
        '# cache_enabled: true',
        '# log_level: INFO',
        '',
      ].join('\n'),
    )

  await config.save.click()
  await expect(config.status).toHaveText('Saved in this browser.')
  await expect(config.fileEntry('doe_runner.yaml')).toHaveText('doe_runner.yaml')
  expect(await config.storedText(pluginConfigKey('doe_runner'))).toContain('# default_workers: 4\n')

  await config.fileEntry('hello.yaml').click()
  await expect.poll(() => config.editorText('hello.yaml')).toContain('# config.yaml sets nothing for hello yet.')
})

test('one save state at a time: unsaved changes replace "Saved in this browser." until saved or discarded', async ({ page }) => {
  const config = configPanel(page)
  await config.open()
  await config.replaceText('config.yaml', 'discovery: {auto_load: true}\n')
  await config.save.click()
  await expect(config.status).toHaveText('Saved in this browser.')

  await config.replaceText('config.yaml', 'discovery: {auto_load: false}\n')
  await expect(config.status).toHaveText('Unsaved changes')
  await expect(page.getByText('Saved in this browser.')).toHaveCount(0)
  await expect(config.unsaved).toHaveCount(1)

  await config.discard.click()
  await expect(config.status).toHaveText('Saved in this browser.')
  await expect(config.unsaved).toHaveCount(0)
})

test('an invalid saved file is flagged beside its name and on its plugin’s card, which links to it', async ({ page }) => {
  const config = configPanel(page)
  await config.open()
  await config.fileEntry('restaurant_config.yaml').click()
  await config.replaceText('restaurant_config.yaml', 'default_format: [yaml\n')
  await config.save.click()
  await expect(config.fileEntry('restaurant_config.yaml')).toHaveText('restaurant_config.yaml (invalid)')
  await config.fileEntry('config.yaml').click()

  await page.getByRole('tab', { name: 'Plugins' }).click()
  const card = pluginCard(page, 'restaurant_config').card
  const warning = card.locator('[data-field="config"]')
  await expect(warning).toHaveText('restaurant_config.yaml is invalid: restaurant_config runs without what cannot be read. Fix it in Config')
  await expect(pluginCard(page, 'doe_runner').card.locator('[data-field="config"]')).toHaveCount(0)

  await warning.getByRole('button', { name: 'Fix it in Config' }).click()
  await expect(config.tab).toHaveAttribute('aria-selected', 'true')
  await expect(config.fileEntry('restaurant_config.yaml')).toHaveAttribute('aria-current', 'true')
  await expect(config.editor('restaurant_config.yaml')).toBeVisible()
})

test('an invalid config.yaml is flagged on every plugin’s card', async ({ page }) => {
  const config = configPanel(page)
  await config.open()
  await config.replaceText('config.yaml', 'plugins: [\n')
  await config.save.click()
  await expect(config.fileEntry('config.yaml')).toHaveText('config.yaml (invalid)')

  await page.getByRole('tab', { name: 'Plugins' }).click()
  for (const name of ['hello', 'doe_runner', 'restaurant_config']) {
    await expect(pluginCard(page, name).card.locator('[data-field="config"]')).toHaveText(
      `config.yaml is invalid: ${name} runs without what cannot be read. Fix it in Config`,
    )
  }
})
