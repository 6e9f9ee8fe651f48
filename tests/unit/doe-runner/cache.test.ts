import { describe, expect, it } from 'vitest'
import { cacheKeyText, caseHash } from '../../../public/plugins/doe-runner/runner/cache.js'
import { createTestContext } from '../../support/context'
import { csvText, executeCases, maskClock, metricsRows, runCommand } from './helpers'

const HEADER = 'case_id,backend,cmd_template,timeout_s,seed'

describe('cache key', () => {
  it.each([
    [['test-01', 'dummy', 'dummy simulation', '42'], '75ef27a4740d8f53'],
    [['test-02', 'shell', "echo 'p95=0.08 p99=0.12 throughput_rps=500'", '123'], 'd73a714fdae46a0e'],
  ])('%j → %s', ([caseId, backend, command, seed], hash) => {
    const caseRow = new Map([
      ['case_id', caseId],
      ['backend', backend],
      ['cmd_template', command],
      ['timeout_s', '10'],
      ['seed', seed],
      ['threshold_p95', '0.1'],
    ])
    expect(cacheKeyText(caseRow)).toBe(`${caseId}|${backend}|${command}|${seed}|0.1.0`)
    expect(caseHash(caseRow)).toBe(hash)
  })

  it('uses an empty seed when the column is missing', () => {
    expect(
      cacheKeyText(
        new Map([
          ['case_id', 'a'],
          ['backend', 'shell'],
          ['cmd_template', 'x'],
        ]),
      ),
    ).toBe('a|shell|x||0.1.0')
  })
})

describe('the result cache', () => {
  it('stores every executed result as 0.1.0 writes it', async () => {
    const { ctx } = await executeCases(csvText(HEADER, `test-02,shell,echo 'p95=0.08 p99=0.12 throughput_rps=500',10,123`))
    expect(await ctx.fs.list('.doe_cache')).toEqual(['d73a714fdae46a0e.json'])
    const text = await ctx.fs.readText('.doe_cache/d73a714fdae46a0e.json')
    expect(maskClock(text).replace(/"run_seconds": [\d.e-]+/, '"run_seconds": <run_seconds>')).toBe(
      [
        '{',
        '  "case_id": "test-02",',
        '  "status": "OK",',
        '  "run_seconds": <run_seconds>,',
        '  "p95": 0.08,',
        '  "p99": 0.12,',
        '  "throughput_rps": 500.0,',
        '  "errors": 0,',
        '  "ts_start": "<ts>",',
        '  "ts_end": "<ts>",',
        '  "cpu_util": null,',
        '  "mem_peak_mb": null,',
        '  "queue_depth_p95": null,',
        '  "latency_p50": null,',
        '  "_cache_meta": {',
        '    "cached_at": "<ts>",',
        '    "cache_version": "1.0"',
        '  }',
        '}',
      ].join('\n'),
    )
  })

  it('skips cached cases on the next run and reports them first in their group', async () => {
    const first = csvText(HEADER, 'b,shell,echo p95=2,5,1')
    const { ctx } = await executeCases(first)
    const second = csvText(HEADER, 'a,shell,echo p95=1,5,1', 'b,shell,echo p95=2,5,1', 'c,shell,echo p95=3,5,1')
    await ctx.fs.writeText('cases.csv', second)
    const { result } = await runCommand('execute_cases', { cases_path: 'cases.csv', verbose: true }, { ctx })
    expect(result.stats).toEqual({ total: 3, success: 2, failed: 0, timeout: 0, skipped: 1, threshold_violations: 0 })
    expect((await metricsRows(ctx)).map((row) => row.case_id)).toEqual(['b', 'a', 'c'])
    expect(ctx.logs).toContain('  Cached: b')
  })

  it('keys on case_id, backend, cmd_template and seed only', async () => {
    const { ctx } = await executeCases(csvText(`${HEADER},threshold_p95`, 'a,shell,echo p95=1,5,1,'))
    await ctx.fs.writeText('cases.csv', csvText(`${HEADER},threshold_p95`, 'a,shell,echo p95=1,9,1,0.5'))
    const { result } = await runCommand('execute_cases', { cases_path: 'cases.csv' }, { ctx })
    expect(result.stats).toMatchObject({ skipped: 1, threshold_violations: 1 })
  })

  it('re-runs and overwrites with force, or when config cache_enabled is false', async () => {
    const cases = csvText(HEADER, 'a,shell,echo p95=1,5,1')
    const { ctx } = await executeCases(cases)
    for (const [kwargs, config] of [
      [{ force: true }, {}],
      [{}, { cache_enabled: false }],
    ] as const) {
      ctx.config = config
      const { result } = await runCommand('execute_cases', { cases_path: 'cases.csv', ...kwargs }, { ctx })
      expect(result.stats).toMatchObject({ success: 1, skipped: 0 })
    }
  })

  it('caches FAIL and TIMEOUT results, which then count as skipped only', async () => {
    const cases = csvText(`${HEADER},force_failure`, 'f,dummy,x,5,1,yes', 't,shell,sleep 1,0,1,')
    const { result, ctx } = await executeCases(cases)
    expect(result.stats).toMatchObject({ failed: 1, timeout: 1 })
    expect(await ctx.fs.list('.doe_cache')).toHaveLength(2)
    const { result: again } = await runCommand('execute_cases', { cases_path: 'cases.csv' }, { ctx })
    expect(again).toMatchObject({ exit_code: 0, stats: { failed: 0, timeout: 0, skipped: 2 } })
    expect((await metricsRows(ctx)).map((row) => row.status)).toEqual(['FAIL', 'TIMEOUT'])
  })

  it('does not cache a case that could not start', async () => {
    const { ctx } = await executeCases(csvText(HEADER, 'a,simroute,x,5,1', 'b,shell,x,1.5,1'))
    expect(await ctx.fs.list('.doe_cache')).toEqual([])
  })

  it('gives None for an unreadable entry, which makes the threshold check fail, as in 0.1.0', async () => {
    const cases = csvText(HEADER, 'a,shell,echo p95=1,5,1', 'b,shell,echo p95=2,5,1')
    const { ctx } = await executeCases(cases)
    const [entry] = await ctx.fs.list('.doe_cache')
    await ctx.fs.writeText(`.doe_cache/${entry}`, '{"case_id": "a"')
    ctx.logs.length = 0
    const { result } = await runCommand('execute_cases', { cases_path: 'cases.csv' }, { ctx })
    expect(ctx.logs).toEqual(["Fatal error: 'NoneType' object has no attribute 'case_id'"])
    expect(result).toMatchObject({ exit_code: 3, stats: { skipped: 2 } })
  })

  it('stops at an entry that is JSON but not an object', async () => {
    const { ctx } = await executeCases(csvText(HEADER, 'a,shell,echo p95=1,5,1'))
    const [entry] = await ctx.fs.list('.doe_cache')
    await ctx.fs.writeText(`.doe_cache/${entry}`, '[1, 2]')
    ctx.logs.length = 0
    await runCommand('execute_cases', { cases_path: 'cases.csv' }, { ctx })
    expect(ctx.logs).toEqual(["Fatal error: 'list' object has no attribute 'pop'"])
  })

  it.each([3, 700])('stops with a fatal error when the workspace refuses a cache write (%i cases), writing no metrics', async (count) => {
    const rows = Array.from({ length: count }, (_, index) => `c${index},shell,echo p95=1,5,${index}`)
    const ctx = createTestContext({ files: { 'cases.csv': csvText(HEADER, ...rows) } })
    const writeText = ctx.fs.writeText.bind(ctx.fs)
    // With 700 cases, the refused entry is in the first batch of writes, awaited only once a later batch is full.
    const refusedCase = count > 256 ? 100 : 1
    const refused = `c${refusedCase}|shell|echo p95=1|${refusedCase}|0.1.0`
    ctx.fs.writeText = async (path, text) => {
      if (path.startsWith('.doe_cache/') && text.includes(`"case_id": "c${refusedCase}"`)) throw new Error(`No space left for ${refused}`)
      return writeText(path, text)
    }
    const { result } = await runCommand('execute_cases', { cases_path: 'cases.csv' }, { ctx })
    expect(result).toMatchObject({ exit_code: 3 })
    expect(ctx.logs).toEqual([`Fatal error: No space left for ${refused}`])
    expect(await ctx.fs.exists('metrics.csv')).toBe(false)
  })

  it('get_cache_status counts the entries and clear_cache removes them', async () => {
    const { ctx } = await executeCases(csvText(HEADER, 'a,shell,echo,5,1', 'b,shell,echo,5,2'))
    await ctx.fs.writeText('.doe_cache/notes.txt', 'kept')
    expect((await runCommand('get_cache_status', {}, { ctx })).result).toEqual({ status: 'success', cache_hits: 2 })
    expect((await runCommand('clear_cache', {}, { ctx })).result).toEqual({ status: 'success', cleared: 2 })
    expect(await ctx.fs.list('.doe_cache')).toEqual(['notes.txt'])
    expect((await runCommand('get_cache_status', {}, { ctx })).result).toEqual({ status: 'success', cache_hits: 0 })
  })
})
