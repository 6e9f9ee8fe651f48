import { expect, test } from '@playwright/test'
import { executePanel } from './support/executePanel'

test.describe('Restaurant Config from the Execute panel', () => {
  test('validate_config accepts the valid sample', async ({ page }) => {
    await page.goto('/')
    const execute = executePanel(page)
    await execute.start('restaurant_config', 'validate_config', 'config_path: restaurant.yaml')
    await expect(execute.outcome).toContainText('Command executed successfully')
    const result = await execute.resultObject()
    expect(result).toMatchObject({ status: 'success', valid: true, errors: [] })
  })

  test('validate_config lists every error of the invalid sample with its path and line', async ({ page }) => {
    await page.goto('/')
    const execute = executePanel(page)
    await execute.start('restaurant_config', 'validate_config', 'config_path: restaurant-invalid.yaml')
    await expect(execute.outcome).toContainText('Command executed successfully')
    const result = (await execute.resultObject()) as { valid: boolean; errors: Array<{ path: string; line: number; message: string }> }
    expect(result.valid).toBe(false)
    expect(result.errors).toHaveLength(13)
    expect(result.errors).toContainEqual(expect.objectContaining({ path: 'menu.items[1].price', line: 43, message: 'must be >= 0' }))
    expect(result.errors).toContainEqual(expect.objectContaining({ path: 'restaurant.timezone', line: 7, message: 'unknown time zone "Europe/Roma"' }))
    await expect(execute.log).toContainText('restaurant-invalid.yaml: not valid, 13 errors, 0 warnings')
  })
})
