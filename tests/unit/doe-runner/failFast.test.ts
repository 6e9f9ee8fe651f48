import { describe, expect, it } from 'vitest'
import { csvText, executeCases, runCommand, runLog } from './helpers'

const HEADER = 'case_id,backend,cmd_template,timeout_s,seed'

describe('fail_fast', () => {
  it('stops at the first freshly executed non-OK result: no metrics, no run log', async () => {
    const cases = csvText(HEADER, 'ok,shell,echo p95=1,5,1', 'bad,dummy,x,5,', 'later,shell,echo,5,3')
    const { result, ctx } = await executeCases(cases, { fail_fast: true })
    expect(ctx.logs).toEqual(['Fatal error: Case bad failed'])
    expect(result).toMatchObject({ exit_code: 3, stats: { total: 3, success: 1, failed: 1 } })
    expect(await ctx.fs.exists('metrics.csv')).toBe(false)
    expect(await runLog(ctx)).toBeUndefined()
    // The failing case was cached before the run stopped; the one after it never ran.
    expect(await ctx.fs.list('.doe_cache')).toHaveLength(2)
  })

  it('does not stop at a cached FAIL', async () => {
    const cases = csvText(HEADER, 'bad,dummy,x,5,', 'ok,shell,echo p95=1,5,1')
    const { ctx } = await executeCases(cases)
    const { result } = await runCommand('execute_cases', { cases_path: 'cases.csv', fail_fast: true }, { ctx })
    expect(result).toMatchObject({ exit_code: 0, stats: { skipped: 2, failed: 0 } })
  })

  it.each([
    ['an unknown backend', 'sim,simroute,run,5,1', 'Fatal error: Unknown backend: simroute'],
    ['a non-integer timeout_s', 'frac,shell,echo,1.5,1', "Fatal error: invalid literal for int() with base 10: '1.5'"],
    ['a backend that only validates lower-cased', 'cap,Shell,echo,5,1', 'Fatal error: Unknown backend: Shell'],
  ])('stops at %s with that error’s own text, not counting it as failed', async (_name, row, line) => {
    const { result, ctx } = await executeCases(csvText(HEADER, 'ok,shell,echo,5,1', row), { fail_fast: true })
    expect(ctx.logs).toEqual([line])
    expect(result).toMatchObject({ exit_code: 3, stats: { success: 1, failed: 0 } })
  })

  it('reports the first failure in file order, not the first to finish', async () => {
    // slow-bad times out after a second; quick-bad times out at once.
    const cases = csvText(HEADER, 'ok,shell,echo,5,1', 'slow-bad,shell,sleep 5,1,1', 'quick-bad,dummy,x,0,1')
    const { ctx } = await executeCases(cases, { fail_fast: true, max_workers: 3 })
    expect(ctx.logs).toEqual(['Fatal error: Case slow-bad failed'])
  })
})

describe('cases that cannot start (without fail_fast)', () => {
  it('become FAIL rows with integer zeros and are counted as failed', async () => {
    const { result, ctx } = await executeCases(csvText(HEADER, 'sim,simroute,run,5,1', 'frac,shell,echo,10.0,1'))
    expect(result.stats).toMatchObject({ failed: 2, success: 0 })
    const text = await ctx.fs.readText('metrics.csv')
    const rows = text
      .split('\r\n')
      .slice(1, 3)
      .map((line) => line.split(','))
    for (const row of rows) {
      // case_id,cpu_util,errors,latency_p50,mem_peak_mb,p95,p99,param_seed,param_timeout_s,queue_depth_p95,run_seconds,status,throughput_rps,…
      expect(row.slice(1, 7)).toEqual(['', '1', '', '', '', ''])
      expect(row.slice(10, 13)).toEqual(['0', 'FAIL', '0'])
    }
  })
})

describe('timeouts', () => {
  it.each([
    ['timeout_s 0', 'z,shell,echo p95=1,0,1'],
    ['a negative timeout_s', 'n,shell,echo p95=1,-3,1'],
    ['a command that outlives its timeout_s', 's,shell,sleep 5; echo p95=1,1,1'],
    ['force_timeout on the dummy backend', 'f,dummy,x,5,1,yes'],
  ])('%s gives TIMEOUT with errors 1 and throughput 0.0', async (_name, row) => {
    const { result, ctx } = await executeCases(csvText(`${HEADER},force_timeout`, row))
    expect(result.stats).toMatchObject({ timeout: 1, success: 0 })
    const text = await ctx.fs.readText('metrics.csv')
    expect(text).toMatch(/,TIMEOUT,0\.0,/)
  })
})
