import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { executePanel } from './support/executePanel'
import { pluginCard } from './support/pluginsPanel'

const SCHEMES = ['light', 'dark'] as const

async function colours(page: Page) {
  return page.evaluate(() => {
    const background = (selector: string) => getComputedStyle(document.querySelector(selector) as Element).backgroundColor
    return {
      page: getComputedStyle(document.documentElement).backgroundColor,
      text: getComputedStyle(document.body).color,
      panel: background('.panel'),
      accent: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
    }
  })
}

test('the page, the editor and the chart follow the colour scheme, and switch with it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('/')
  await expect(pluginCard(page, 'doe_runner').state).toHaveText('Loaded')
  const light = await colours(page)
  expect(light).toMatchObject({ page: 'rgb(246, 247, 249)', panel: 'rgb(255, 255, 255)' })

  await page.emulateMedia({ colorScheme: 'dark' })
  const dark = await colours(page)
  for (const key of ['page', 'text', 'panel', 'accent'] as const) expect(dark[key], key).not.toBe(light[key])

  // The editor switches theme while open.
  await page.getByRole('tab', { name: 'Config' }).click()
  const editor = page.locator('.cm-editor').first()
  const gutters = page.locator('.cm-gutters').first()
  await expect(editor).toBeVisible()
  const darkGutters = await gutters.evaluate((element) => getComputedStyle(element).backgroundColor)
  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(() => gutters.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(darkGutters)

  // The chart's bars are drawn in the scheme's accent colour.
  await page.emulateMedia({ colorScheme: 'dark' })
  const execute = executePanel(page)
  await execute.start('doe_runner', 'execute_cases', 'cases_path: cases.csv\nmax_workers: 2')
  const chart = page.getByRole('region', { name: 'DOE results' }).getByRole('img', { name: /^Bar chart of / })
  await expect(chart).toBeVisible()
  const hasPixelOf = (colour: string) =>
    chart.evaluate((canvas, hex) => {
      const [r, g, b] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16))
      const { data } = (canvas as HTMLCanvasElement)
        .getContext('2d')!
        .getImageData(0, 0, (canvas as HTMLCanvasElement).width, (canvas as HTMLCanvasElement).height)
      for (let index = 0; index < data.length; index += 4) if (data[index] === r && data[index + 1] === g && data[index + 2] === b) return true
      return false
    }, colour)
  await expect.poll(() => hasPixelOf(dark.accent)).toBe(true)
  expect(await hasPixelOf(light.accent)).toBe(false)
  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(() => hasPixelOf(light.accent)).toBe(true)
})

test('the favicon is an SVG the page links to', async ({ page, request }) => {
  await page.goto('/')
  const href = await page.locator('link[rel="icon"]').getAttribute('href')
  const icon = await request.get(new URL(href ?? '', page.url()).href)
  expect(icon.status()).toBe(200)
  expect(icon.headers()['content-type']).toMatch(/^image\/svg\+xml/)
  expect(await icon.text()).toContain('<svg')
})

test('the header links to the help, which links to the bundled plugins and back', async ({ page, request }) => {
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Help' }).click()
  await expect(page).toHaveTitle('Help · Strataregula Playground')
  await expect(page.getByRole('heading', { name: 'Writing a plugin' })).toBeVisible()
  for (const name of ['hello', 'doe_runner', 'restaurant_config']) {
    const href = await page.getByRole('link', { name, exact: true }).getAttribute('href')
    expect((await request.get(new URL(href ?? '', page.url()).href)).status(), name).toBe(200)
  }
  await page.getByRole('link', { name: 'Back to the playground' }).click()
  await expect(pluginCard(page, 'hello').state).toHaveText('Loaded')
})

for (const colorScheme of SCHEMES) {
  test(`the header, the registry controls and the help page have no accessibility violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    await page.goto('/?registry=./no-such-registry.json')
    await expect(page.getByRole('button', { name: 'Back to the bundled registry' })).toBeVisible()
    const plugins = await new AxeBuilder({ page }).analyze()
    expect(plugins.violations.map((violation) => `Plugins: ${violation.id}: ${violation.help}`)).toEqual([])

    await page.goto('/help.html')
    const help = await new AxeBuilder({ page }).analyze()
    expect(help.violations.map((violation) => `Help: ${violation.id}: ${violation.help}`)).toEqual([])
  })
}
