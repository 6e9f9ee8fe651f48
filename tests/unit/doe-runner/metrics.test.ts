import { describe, expect, it } from 'vitest'
import { executionReportLines } from '../../../public/plugins/doe-runner/runner/report.js'
import { csvText, executeCases, maskClock, maskMetrics, metricsRows, runLog, SPEC_CASES, SPEC_METRICS } from './helpers'

describe('metrics.csv', () => {
  it('has the sorted header, CRLF, Python float repr and integers as integers', async () => {
    const { result, ctx } = await executeCases(SPEC_CASES)
    expect(result.exit_code).toBe(0)
    const text = await ctx.fs.readText('metrics.csv')
    expect(text.endsWith('\r\n')).toBe(true)
    expect(maskMetrics(text)).toBe(SPEC_METRICS)
  })

  it('writes run_seconds as a float repr and timestamps as naive local isoformat()', async () => {
    const { ctx } = await executeCases(SPEC_CASES)
    for (const row of await metricsRows(ctx)) {
      expect(row.run_seconds).toMatch(/^\d+\.\d+(e-\d\d)?$/)
      expect(row.ts_start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$/)
      expect(row.ts_end).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$/)
    }
  })

  it('quotes minimally and copies every other column as param_<column>, sorted by code point', async () => {
    const cases = csvText('case_id,backend,cmd_template,timeout_s,Zeta,alpha,note', 'q1,shell,echo p95=1,5,z,"a,b","say ""hi"""')
    const { ctx } = await executeCases(cases)
    const [header, row] = maskMetrics(await ctx.fs.readText('metrics.csv')).split('\r\n')
    expect(header).toBe(
      'case_id,cpu_util,errors,latency_p50,mem_peak_mb,p95,p99,param_alpha,param_note,param_timeout_s,param_zeta,queue_depth_p95,run_seconds,status,throughput_rps,ts_end,ts_start',
    )
    expect(row).toBe('q1,,0,,,1.0,,"a,b","say ""hi""",5,z,,<run_seconds>,OK,1.0,<ts_end>,<ts_start>')
  })

  it('writes JSON values as Python prints them: ints, bools, lists, text; None as empty', async () => {
    const cases = csvText(
      'case_id,backend,cmd_template,timeout_s',
      `j1,shell,"printf '{""p95"": 2, ""p99"": true, ""cpu_util"": [1, ""a""], ""latency_p50"": ""x,y"", ""throughput_rps"": null, ""errors"": 1e-5}'",5`,
    )
    const { ctx } = await executeCases(cases)
    expect(await metricsRows(ctx)).toEqual([
      expect.objectContaining({ p95: '2', p99: 'True', cpu_util: "[1, 'a']", latency_p50: 'x,y', throughput_rps: '', errors: '1e-05' }),
    ])
  })
})

describe('the run log', () => {
  it('is written under docs/run with the JST label and the summary', async () => {
    const { ctx } = await executeCases(SPEC_CASES)
    const log = await runLog(ctx)
    expect(log?.path).toMatch(/^docs\/run\/\d{8}-\d{4}-JST-doe-runner\.md$/)
    expect(log?.text).toMatch(/\*\*Started:\*\* \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+09:00\n/)
    expect(maskClock(log!.text)).toBe(
      [
        '# DOE Runner Execution Log',
        '',
        '**Started:** <jst>',
        '**Cases File:** cases.csv',
        '**Total Cases:** 3',
        '',
        '## Summary',
        '',
        '- **Duration:** <duration>',
        '- **Total Cases:** 3',
        '- **Success:** 3',
        '- **Failed:** 0',
        '- **Timeout:** 0',
        '- **Skipped (Cached):** 0',
        '',
      ].join('\n'),
    )
  })

  it('goes to run_log_dir', async () => {
    const { ctx } = await executeCases(SPEC_CASES, { run_log_dir: 'logs/doe/' })
    expect(await runLog(ctx, 'logs/doe')).toBeDefined()
    expect(await runLog(ctx)).toBeUndefined()
  })
})

describe('the Execution Report', () => {
  it('is logged after a completed run, line by line', async () => {
    const { ctx } = await executeCases(SPEC_CASES)
    expect(ctx.logs).toEqual([
      '',
      '='.repeat(50),
      'Execution Report',
      '='.repeat(50),
      'Total cases: 3',
      'Success: 3',
      'Failed: 0',
      'Timeout: 0',
      'Skipped (cached): 0',
      'Threshold violations: 0',
      'Success rate: 100.0%',
      '='.repeat(50),
    ])
  })

  it('rounds the success rate as %.1f does: 1 of 16 is 6.2%', async () => {
    const rows = ['ok,shell,echo p95=1,5', ...Array.from({ length: 15 }, (_, index) => `sim-${index},simroute,run,5`)]
    const { result, ctx } = await executeCases(csvText('case_id,backend,cmd_template,timeout_s', ...rows))
    expect(result.stats).toEqual({ total: 16, success: 1, failed: 15, timeout: 0, skipped: 0, threshold_violations: 0 })
    expect(ctx.logs).toContain('Success rate: 6.2%')
  })

  it.each([
    [{ total: 3, success: 2 }, '66.7%'],
    [{ total: 8, success: 7 }, '87.5%'],
    [{ total: 40, success: 1 }, '2.5%'],
    [{ total: 16, success: 3 }, '18.8%'],
  ])('%j → %s', (counts, rate) => {
    const lines = executionReportLines({ failed: 0, timeout: 0, skipped: 0, threshold_violations: 0, ...counts })
    expect(lines[10]).toBe(`Success rate: ${rate}`)
  })
})
