import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { executePanel } from './support/executePanel'
import { pluginCard } from './support/pluginsPanel'

const PANELS = ['Plugins', 'Health', 'Execute', 'Config', 'Files']

test('every panel follows the tabs pattern and has no accessibility violations', async ({ page }) => {
  // Five full axe analyses of a page with CodeMirror and charts: seconds each on a busy machine.
  test.slow()
  await page.goto('/')
  await expect(pluginCard(page, 'hello').state).toHaveText('Loaded')
  await expect(page.getByRole('tab')).toHaveText(PANELS)

  for (const name of PANELS) {
    const tab = page.getByRole('tab', { name })
    await tab.click()
    await expect(tab).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('tabpanel', { name })).toBeVisible()
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((violation) => `${name}: ${violation.id}: ${violation.help}`)).toEqual([])
  }
})

test('the tab list answers the arrow, Home and End keys', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('tab', { name: 'Plugins' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Health' })).toBeFocused()
  await expect(page.getByRole('tab', { name: 'Health' })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('End')
  await expect(page.getByRole('tab', { name: 'Files' })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Plugins' })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('tab', { name: 'Files' })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Home')
  await expect(page.getByRole('tab', { name: 'Plugins' })).toHaveAttribute('aria-selected', 'true')
})

test('a finished run shows no accessibility violations', async ({ page }) => {
  await page.goto('/')
  const execute = executePanel(page)
  await execute.start('hello', 'greet', 'who: axe')
  await expect(execute.outcome).toContainText('Command executed successfully')
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
})
