import { expect, test, type Page } from '@playwright/test'
import { executePanel } from './support/executePanel'
import { fileRow } from './support/filesPanel'
import { pluginCard } from './support/pluginsPanel'

const PHONE = { width: 390, height: 844 }

/** Nothing on the page reaches past the viewport's right edge: wide content scrolls inside its own box. */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const widths = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
  await expect
    .poll(async () => {
      const { scroll, client } = await widths()
      return scroll <= client ? 'fits' : `${where}: ${scroll} px wide in ${client} px`
    })
    .toBe('fits')
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`at 390 px no tab scrolls sideways (${colorScheme})`, async ({ page }) => {
    // A DOE run, a CSV file and the code editor: every wide thing the tabs show.
    test.slow()
    await page.setViewportSize(PHONE)
    await page.emulateMedia({ colorScheme })
    await page.goto('/')
    await expect(pluginCard(page, 'doe_runner').state).toHaveText('Loaded')
    await expectNoSidewaysScroll(page, 'Plugins')

    // The ES-module plugins' reports: checking the Python ones would start Python, which adds no width.
    await page.getByRole('tab', { name: 'Health' }).click()
    for (const name of ['doe_runner', 'hello', 'restaurant_config']) {
      await page.getByRole('button', { name: `Check ${name}`, exact: true }).click()
    }
    await expect(page.locator('[data-field="status"]', { hasText: /^Healthy$/ })).toHaveCount(3)
    await expectNoSidewaysScroll(page, 'Health')

    const execute = executePanel(page)
    await execute.start('doe_runner', 'execute_cases', 'cases_path: cases.csv\nmax_workers: 2')
    await expect(execute.outcome).toContainText('Command executed successfully')
    await expect(page.getByRole('region', { name: 'DOE results' }).getByRole('table')).toBeVisible()
    await expectNoSidewaysScroll(page, 'Execute with DOE results')

    await page.getByRole('tab', { name: 'Config' }).click()
    await expect(page.locator('.cm-content').first()).toBeVisible()
    await expectNoSidewaysScroll(page, 'Config')

    await page.getByRole('tab', { name: 'Files' }).click()
    await fileRow(page, 'cases.csv').view.click()
    await expect(page.getByRole('table', { name: 'cases.csv' })).toBeVisible()
    await expectNoSidewaysScroll(page, 'Files with cases.csv open')
  })
}

test('at 1280 px the cards keep one size while plugins load, and long descriptions take three lines', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('/')
  const card = pluginCard(page, 'doe_runner')
  await expect(card.state).toHaveText('Loaded')
  const layout = await card.card.evaluate((element) => {
    const description = element.querySelector<HTMLElement>('[data-field="description"]')!
    description.textContent = 'a long description '.repeat(200)
    const style = getComputedStyle(element)
    return { contain: style.contain, minHeight: style.minHeight, lines: description.clientHeight / parseFloat(getComputedStyle(description).lineHeight) }
  })
  expect(layout.contain).toBe('layout paint')
  expect(layout.minHeight).toBe('240px')
  expect(layout.lines).toBeLessThan(3.5)
})
