import { expect, test, withRegistries } from './support/fixtures'

test('Check all reports each plugin, and a hung health check is unhealthy at its time limit while the others finish', async ({ page, thirdParty }) => {
  await page.goto(withRegistries(`${thirdParty.origin}/cors/execute.json`, `${thirdParty.origin}/cors/loops.json`))
  await page.getByRole('tab', { name: 'Health' }).click()
  const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })
  const status = (name: string) => row(name).locator('[data-field="status"]')
  const details = (name: string) => row(name).locator('[data-field="details"]')

  await expect(page.getByRole('row')).toHaveCount(5)
  await page.getByRole('button', { name: 'Check all' }).click()

  await expect(status('good')).toHaveText('Healthy')
  await expect(details('good')).toHaveText('good 2.0.0')
  await expect(row('good').locator('[data-field="time"]')).toHaveText(/^\d+ ms$/)
  await expect(status('outcomes')).toHaveText('Healthy')
  await expect(status('health_hangs')).toHaveText('Checking…')
  await expect(status('loops')).toHaveText('Checking…')

  await expect(status('health_hangs')).toHaveText('Unhealthy', { timeout: 15_000 })
  await expect(details('health_hangs')).toHaveText('health check timed out after 5000 ms')
  await expect(status('loops')).toHaveText('Unhealthy', { timeout: 15_000 })
  await expect(details('loops')).toHaveText('timed out after 5000 ms in get_info()')
})

test('a single check shows what health_check() added', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('tab', { name: 'Health' }).click()
  await page.getByRole('button', { name: 'Check hello', exact: true }).click()
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'hello', exact: true }) })
  await expect(row.locator('[data-field="status"]')).toHaveText('Healthy')
  await expect(row.locator('[data-field="details"]')).toContainText('hello 1.2.0')
  await expect(row.locator('dt')).toHaveText(['greetings_available'])
  await expect(row.locator('dd')).toHaveText(['true'])
})
