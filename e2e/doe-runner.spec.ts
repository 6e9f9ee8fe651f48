import { expect, test, type Page } from '@playwright/test'
import { echoCasesCsv } from '../scripts/bench/doeCases'
import { executePanel } from './support/executePanel'
import { fileRow, openFilesPanel } from './support/filesPanel'

function doeResults(page: Page) {
  const section = page.getByRole('region', { name: 'DOE results' })
  return {
    section,
    table: section.getByRole('table', { name: /^metrics\.csv — \d+ cases?$/ }),
    chart: section.getByRole('img', { name: /^Bar chart of / }),
    metric: section.getByLabel('Metric to plot'),
  }
}

test.describe('DOE Runner through the Execute panel', () => {
  test('the sample run shows its metrics table and a plot per case', async ({ page }) => {
    await page.goto('/')
    const execute = executePanel(page)
    await execute.start('doe_runner', 'execute_cases', 'cases_path: cases.csv\nmax_workers: 2')
    await expect(execute.outcome).toContainText('Command executed successfully', { timeout: 15_000 })
    expect(await execute.resultObject()).toMatchObject({
      status: 'success',
      exit_code: 0,
      exit_meaning: 'All cases executed successfully, thresholds met',
      metrics_path: 'metrics.csv',
      stats: { total: 4, success: 4, failed: 0, timeout: 0, skipped: 0, threshold_violations: 0 },
    })
    await expect(execute.log).toContainText('Success rate: 100.0%')
    await expect(execute.progress).toHaveAttribute('value', '4')

    const results = doeResults(page)
    await expect(results.table.getByRole('row')).toHaveCount(5)
    await expect(results.table.getByRole('columnheader').first()).toHaveText('case_id')
    await expect(results.chart).toBeVisible()
    await expect(results.chart).toHaveAccessibleName(/^Bar chart of p95 per case/)
    await results.metric.selectOption('throughput_rps')
    await expect(results.chart).toHaveAccessibleName(/^Bar chart of throughput_rps per case/)
    const box = await results.chart.boundingBox()
    expect(box?.height).toBeGreaterThan(100)
  })

  test('a run of more cases than the chart has bars plots the largest value of each run of consecutive cases', async ({ page }) => {
    await openFilesPanel(page)
    await page.getByLabel('Upload files').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(echoCasesCsv(150)) })
    await fileRow(page, 'many.csv').row.waitFor()
    const execute = executePanel(page)
    await execute.start('doe_runner', 'execute_cases', 'cases_path: many.csv\nmax_workers: 8')
    await expect(execute.outcome).toContainText('Command executed successfully', { timeout: 30_000 })

    const results = doeResults(page)
    await expect(results.table).toHaveAccessibleName('metrics.csv — 150 cases')
    await expect(results.chart).toHaveAccessibleName(/^Bar chart of the largest p95 per 2 consecutive cases; /)
    await expect(results.section).toContainText('Each bar shows the largest p95 of 2 consecutive cases (150 cases in all).')
    await results.metric.selectOption('throughput_rps')
    await expect(results.section).toContainText('Each bar shows the largest throughput_rps of 2 consecutive cases (150 cases in all).')
  })

  test('threshold violations are counted, highlighted and sortable; metrics.csv downloads as written', async ({ page }) => {
    await page.goto('/')
    const execute = executePanel(page)
    await execute.start('doe_runner', 'execute_cases', 'cases_path: doe/cases-thresholds.csv\nmetrics_path: out/metrics.csv')
    await expect(execute.outcome).toContainText('Command executed successfully', { timeout: 15_000 })
    expect(await execute.resultObject()).toMatchObject({ exit_code: 2, exit_meaning: 'Execution completed but threshold violations detected' })

    const results = doeResults(page)
    await expect(results.section.getByText('4 threshold violations')).toBeVisible()
    await expect(results.table.locator('td.violated-cell')).toHaveCount(4)

    await results.table.getByRole('button', { name: 'p95', exact: true }).click()
    await results.table.getByRole('button', { name: 'p95', exact: true }).click()
    await expect(results.table.getByRole('columnheader', { name: 'p95', exact: true })).toHaveAttribute('aria-sort', 'descending')
    await expect(results.table.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('p95-too-slow')

    const [download] = await Promise.all([page.waitForEvent('download'), results.section.getByRole('button', { name: 'Download metrics.csv' }).click()])
    expect(download.suggestedFilename()).toBe('metrics.csv')
    const text = (await (await download.createReadStream()).toArray()).join('')
    expect(text.startsWith('case_id,cpu_util,errors,latency_p50,mem_peak_mb,p95,p99,')).toBe(true)
    expect(text.split('\r\n')).toHaveLength(5)

    const [log] = await Promise.all([page.waitForEvent('download'), results.section.getByRole('button', { name: 'Download run log' }).click()])
    expect(log.suggestedFilename()).toMatch(/^\d{8}-\d{4}-JST-doe-runner\.md$/)
  })

  test('a cases file with validation errors ends with exit code 3 and the Python list of messages', async ({ page }) => {
    await page.goto('/')
    const execute = executePanel(page)
    await execute.start('doe_runner', 'execute_cases', 'cases_path: doe/cases-invalid.csv')
    await expect(execute.outcome).toContainText('Command executed successfully', { timeout: 15_000 })
    expect(await execute.resultObject()).toMatchObject({ exit_code: 3, stats: { total: 0 } })
    await expect(execute.log).toContainText("Fatal error: Validation errors: ['")
    await expect(doeResults(page).section).toContainText('No metrics were written by this run')
  })

  test('each run shows the files it wrote, captured when it ended, and a non-zero exit code as a warning', async ({ page }) => {
    // Three DOE runs and a reload: more than the default time on a busy machine.
    test.setTimeout(90_000)
    await page.goto('/')
    const execute = executePanel(page)
    const results = doeResults(page)
    await execute.start('doe_runner', 'execute_cases', 'cases_path: cases.csv')
    await expect(execute.outcome).toContainText('Command executed successfully', { timeout: 15_000 })
    await expect(execute.exitNote).toHaveCount(0)
    await expect(results.section.getByText('0 threshold violations')).toBeVisible()

    // Overwrites metrics.csv, then a run that writes none.
    await execute.start('doe_runner', 'execute_cases', 'cases_path: doe/cases-thresholds.csv')
    await expect(execute.exitNote).toHaveText('⚠ exit code 2: Threshold violations detected', { timeout: 15_000 })
    await expect(execute.outcome).toContainText('Command executed successfully')
    await expect(results.section.getByText('4 threshold violations')).toBeVisible()
    await execute.start('doe_runner', 'execute_cases', 'cases_path: doe/cases-invalid.csv')
    await expect(execute.exitNote).toHaveText('⚠ exit code 3: Execution or configuration error', { timeout: 15_000 })
    await expect(results.section).toContainText('No metrics were written by this run')
    await expect(results.table).toHaveCount(0)

    await execute.history.getByRole('button', { name: 'Open run 1' }).click()
    await expect(results.section.getByText('0 threshold violations')).toBeVisible()
    await expect(results.table.getByRole('row')).toHaveCount(5)
    await expect(execute.exitNote).toHaveCount(0)
    const [download] = await Promise.all([page.waitForEvent('download'), results.section.getByRole('button', { name: 'Download metrics.csv' }).click()])
    const text = (await (await download.createReadStream()).toArray()).join('')
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(5)
    expect(text).not.toContain('p95-too-slow')

    await page.reload()
    await execute.open()
    await execute.history.getByRole('button', { name: 'Open run 2' }).click()
    await expect(results.section.getByText('4 threshold violations')).toBeVisible()
    await expect(execute.exitNote).toHaveText('⚠ exit code 2: Threshold violations detected')
  })
})
