import { expect, test, withRegistries } from './support/fixtures'
import { executePanel } from './support/executePanel'
import { generatedRegistryUrl } from './support/generatedRegistry'
import { liveSandboxes } from './support/liveSandboxes'
import { pluginCard, pluginsPanel } from './support/pluginsPanel'

const MOST_LIVE_SANDBOXES = 16

for (const count of [200, 1_000]) {
  test(`a registry of ${count} plugins on a second origin loads them all, leaving at most ${MOST_LIVE_SANDBOXES} sandboxes alive`, async ({
    page,
    thirdParty,
  }) => {
    test.setTimeout(120_000)
    await page.goto(withRegistries(generatedRegistryUrl(thirdParty.origin, count)))
    // The panel draws a page of cards at a time: its summary counts them all, with no failed one.
    const panel = pluginsPanel(page)
    const total = count.toLocaleString('en-US')
    await expect(panel.summary).toHaveText(`${total} plugins, ${total} loaded`, { timeout: 90_000 })
    await panel.filter.fill(`gen${count - 1}`)
    await expect(pluginCard(page, `gen${count - 1}`).version).toHaveText('1.0.0')
    // A terminated worker can take a moment to disappear from the browser's list.
    await expect.poll(async () => Object.values(await liveSandboxes(page)).every((live) => live <= MOST_LIVE_SANDBOXES)).toBe(true)

    const execute = executePanel(page)
    await execute.start(`gen${count - 1}`, 'echo', 'word: last')
    await expect(execute.outcome).toContainText('Command executed successfully')
    expect(await execute.resultObject()).toEqual({ status: 'success', echoed: { word: 'last' }, index: count - 1 })

    await page.getByRole('tab', { name: 'Health' }).click()
    await page.getByRole('button', { name: 'Check gen0', exact: true }).click()
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'gen0', exact: true }) })
    await expect(row.locator('[data-field="status"]')).toHaveText('Healthy')
    await expect(row.locator('[data-field="details"]')).toContainText('gen0 1.0.0')
  })
}

test('a plugin that hangs or throws in get_info() among many fails alone, with its own reason', async ({ page, thirdParty }) => {
  test.setTimeout(120_000)
  const count = 30
  await page.goto(withRegistries(generatedRegistryUrl(thirdParty.origin, count, ['loops', 'throws'])))
  const panel = pluginsPanel(page)
  await expect(panel.summary).toHaveText(`${count + 2} plugins, ${count} loaded, 2 failed`, { timeout: 60_000 })
  await panel.filter.fill('throws')
  await expect(pluginCard(page, 'throws').error).toHaveText('Failed to load plugin throws: get_info() threw: generated failure')
  await panel.filter.fill('loops')
  await expect(pluginCard(page, 'loops').error).toHaveText('Failed to load plugin loops: timed out after 5000 ms in get_info()')
})
