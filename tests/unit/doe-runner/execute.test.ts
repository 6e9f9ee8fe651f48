import { describe, expect, it } from 'vitest'
import { DOERunnerPlugin } from '../../../public/plugins/doe-runner/plugin.js'
import { readCommandHelp } from '../../../src/core/commandHelp'
import { createTestContext } from '../../support/context'
import { csvText, executeCases, metricsRows, runCommand, runLog } from './helpers'

const HEADER = 'case_id,backend,cmd_template,timeout_s,seed'

describe('plugin information', () => {
  it('get_info() is exactly 0.1.0’s, plus help for every command', () => {
    expect(new DOERunnerPlugin().get_info()).toEqual({
      name: 'doe_runner',
      version: '0.1.0',
      description: 'Batch experiment orchestrator for cases.csv → metrics.csv pipeline',
      author: 'Strataregula Team',
      supported_commands: ['execute_cases', 'validate_cases', 'get_cache_status', 'clear_cache', 'get_adapters'],
      supported_backends: ['shell', 'dummy', 'simroute'],
      exit_codes: {
        '0': 'All cases executed successfully',
        '2': 'Threshold violations detected',
        '3': 'Execution or configuration error',
      },
      commands: expect.any(Object),
    })
    const info = new DOERunnerPlugin().get_info()
    expect(readCommandHelp(info.commands, info.supported_commands)).toEqual({ help: info.commands, notes: [] })
    expect(Object.keys(info.commands)).toEqual(info.supported_commands)
  })

  it('get_adapters() lists shell and dummy as available and simroute as not', async () => {
    const { result } = await runCommand('get_adapters', {})
    expect(result.status).toBe('success')
    expect(Object.keys(result.adapters)).toEqual(['shell', 'dummy', 'simroute'])
    expect(result.adapters.shell.available).toBe(true)
    expect(result.adapters.dummy.available).toBe(true)
    expect(result.adapters.simroute.available).toBe(false)
  })
})

describe('execute_cases', () => {
  it('returns 0.1.0’s result dict', async () => {
    const { result } = await executeCases(csvText(HEADER, 'a,shell,echo p95=1,5,1'), { metrics_path: 'out/m.csv', no_such_option: 1 })
    expect(result).toEqual({
      status: 'success',
      exit_code: 0,
      exit_meaning: 'All cases executed successfully, thresholds met',
      cases_path: 'cases.csv',
      metrics_path: 'out/m.csv',
      stats: { total: 1, success: 1, failed: 0, timeout: 0, skipped: 0, threshold_violations: 0 },
    })
  })

  it('dry_run validates only', async () => {
    const { result, ctx } = await executeCases(csvText(HEADER, 'a,shell,echo,5,1', 'b,dummy,x,5,2'), { dry_run: true, max_workers: 0 })
    expect(ctx.logs).toEqual(['Dry run: 2 cases validated'])
    expect(result).toMatchObject({ exit_code: 0, stats: { total: 2, success: 0 } })
    expect(await ctx.fs.list()).toEqual(['cases.csv'])
  })

  it('reports a missing cases file as Python does', async () => {
    const { result, ctx } = await runCommand('execute_cases', { cases_path: 'missing.csv' })
    expect(ctx.logs).toEqual(["Fatal error: [Errno 2] No such file or directory: 'missing.csv'"])
    expect(result).toMatchObject({ status: 'success', exit_code: 3, stats: { total: 0 } })
  })

  it.each([
    [0, 'max_workers must be greater than 0'],
    [-1, 'max_workers must be greater than 0'],
    [false, 'max_workers must be greater than 0'],
    ['4', "'<=' not supported between instances of 'str' and 'int'"],
  ])('refuses max_workers %j', async (maxWorkers, message) => {
    const { result, ctx } = await executeCases(csvText(HEADER, 'a,shell,echo,5,1'), { max_workers: maxWorkers })
    expect(ctx.logs).toEqual([`Fatal error: ${message}`])
    expect(result).toMatchObject({ exit_code: 3, stats: { total: 1, success: 0 } })
  })

  it('needs cases_path', async () => {
    await expect(new DOERunnerPlugin().execute_cases({}, createTestContext())).rejects.toThrow(
      "DOERunnerPlugin.execute_cases() missing 1 required positional argument: 'cases_path'",
    )
  })

  it('refuses a run_log_dir that is not text before running', async () => {
    const { result } = await executeCases(csvText(HEADER, 'a,shell,echo,5,1'), { run_log_dir: 5 })
    expect(result).toEqual({ status: 'error', exit_code: 3, message: 'expected str, bytes or os.PathLike object, not int' })
  })
})

describe('groups and workers', () => {
  it('runs resource groups one after another, in order of first appearance', async () => {
    const cases = csvText(`${HEADER},resource_group`, 'a1,shell,echo,5,1,alpha', 'b1,shell,echo,5,1,beta', 'a2,shell,echo,5,1,alpha', 'n1,shell,echo,5,1,')
    const { ctx } = await executeCases(cases, { verbose: true, max_workers: 4 })
    expect((await metricsRows(ctx)).map((row) => [row.case_id, row.param_resource_group])).toEqual([
      ['a1', 'alpha'],
      ['a2', 'alpha'],
      ['b1', 'beta'],
      ['n1', ''],
    ])
    expect(ctx.logs.filter((line) => line.startsWith('Executing'))).toEqual([
      'Executing 4 cases with 4 workers...',
      'Executing group: alpha',
      'Executing group: beta',
      'Executing group: ',
    ])
  })

  it('puts every case in the group "default" without a resource_group column', async () => {
    const { ctx } = await executeCases(csvText(HEADER, 'a,shell,echo,5,1'), { verbose: true })
    expect(ctx.logs.some((line) => line.startsWith('Executing group'))).toBe(false)
    expect(Object.keys((await metricsRows(ctx))[0])).not.toContain('param_resource_group')
  })

  it('overlaps at most max_workers cases', async () => {
    const cases = csvText(HEADER, 'a,shell,sleep 0.05,5,1', 'b,shell,sleep 0.05,5,1', 'c,shell,sleep 0.05,5,1')
    const spans = async (maxWorkers: number) => {
      const { ctx } = await executeCases(cases, { max_workers: maxWorkers })
      return (await metricsRows(ctx)).map((row) => [row.ts_start, row.ts_end])
    }
    const [a, b, c] = await spans(2)
    expect(b[0] < a[1]).toBe(true)
    expect(c[0] >= a[1] || c[0] >= b[1]).toBe(true)
    const [first, second] = await spans(1)
    expect(second[0] >= first[1]).toBe(true)
  })

  it('takes the worker count from config default_workers when not given', async () => {
    const { ctx } = await executeCases(csvText(HEADER, 'a,shell,echo,5,1'), { verbose: true }, { config: { default_workers: 3 } })
    expect(ctx.logs).toContain('Executing 1 cases with 3 workers...')
  })
})

describe('what a run logs and reports', () => {
  it('adds per-case lines when verbose', async () => {
    const cases = csvText(HEADER, 'ok,shell,echo,5,1', 'slow,shell,sleep 1,0,1', 'bad,simroute,x,5,1', 'boom,dummy,x,5,')
    const { ctx } = await executeCases(cases, { verbose: true })
    expect(ctx.logs.slice(0, 7).map((line) => line.replace(/\d+\.\d{3}s$/, '<s>'))).toEqual([
      'Loading cases from: cases.csv',
      'Executing 4 cases with 1 workers...',
      '  ✓ ok: <s>',
      '  ⏱ slow: TIMEOUT',
      '  ✗ boom: FAILED',
      'Writing metrics to: metrics.csv',
      '',
    ])
  })

  it('reports progress per finished case', async () => {
    const { ctx } = await executeCases(csvText(HEADER, 'a,shell,echo,5,1', 'b,shell,echo,5,2'))
    expect(ctx.progressCalls).toEqual([
      [1, 2, 'a'],
      [2, 2, 'b'],
    ])
  })
})

describe('cancellation', () => {
  it('stops a run when ctx.signal aborts: no new cases, sleeps end, the run rejects', async () => {
    const ctx = createTestContext({ files: { 'cases.csv': csvText(HEADER, 'a,shell,sleep 30,60,1', 'b,shell,echo,5,2') } })
    const running = new DOERunnerPlugin().execute_cases({ cases_path: 'cases.csv' }, ctx)
    setTimeout(() => ctx.abort(new Error('cancelled by the user')), 20)
    await expect(running).rejects.toThrow('cancelled by the user')
    expect(await ctx.fs.exists('metrics.csv')).toBe(false)
    expect(await runLog(ctx)).toBeUndefined()
  })
})

describe('case values', () => {
  it('normalises keys (lower-cased, stripped) and values (stripped) after validation', async () => {
    const cases = csvText('case_id,backend,cmd_template,timeout_s, Extra Col ', 'a-1,shell,  echo p95={extra col}  , 5 ,\t0.5 ')
    const { ctx } = await executeCases(cases)
    const [row] = await metricsRows(ctx)
    expect(row).toMatchObject({ 'param_extra col': '0.5', param_timeout_s: '5', p95: '0.5' })
  })

  it('gives a short row the text None, which reaches params and the dummy seed', async () => {
    const { result, ctx } = await executeCases('case_id,backend,cmd_template,timeout_s,seed,note\nshort,dummy,x,5\n')
    expect(result.stats).toMatchObject({ failed: 1 })
    expect(await metricsRows(ctx)).toEqual([expect.objectContaining({ param_seed: 'None', param_note: 'None', status: 'FAIL' })])
  })

  it('stops on a long row, whose extra cells have the key None', async () => {
    const { ctx } = await executeCases('case_id,backend,cmd_template,timeout_s\nlong,shell,echo,5,extra\n')
    expect(ctx.logs).toEqual(["Fatal error: 'NoneType' object has no attribute 'lower'"])
  })

  it('fails a dummy case with an empty seed, and draws from one unseeded generator without a seed column', async () => {
    const { result } = await executeCases(csvText(HEADER, 'a,dummy,x,5,'))
    expect(result.stats).toMatchObject({ failed: 1 })
    const { ctx } = await executeCases(csvText('case_id,backend,cmd_template,timeout_s', 'a,dummy,x,5', 'b,dummy,x,5'))
    expect((await metricsRows(ctx)).map((row) => row.case_id)).toEqual(['a', 'b'])
  })

  it('adds 1 to errors for a non-zero exit status, keeping the case OK', async () => {
    const { ctx } = await executeCases(csvText(HEADER, "a,shell,echo 'p95=1 errors=2'; exit 3,5,1", 'b,shell,nosuchcommand,5,1'))
    expect((await metricsRows(ctx)).map((row) => [row.status, row.errors, row.throughput_rps])).toEqual([
      ['OK', '3.0', '0.0'],
      ['OK', '1', '1.0'],
    ])
  })

  it('fails a case whose output is not UTF-8, or whose metric float() refuses', async () => {
    const { result } = await executeCases(csvText(HEADER, "a,shell,printf '\\377',5,1", 'b,shell,echo p95=1.2.3,5,1'))
    expect(result.stats).toMatchObject({ failed: 2 })
  })

  it('reads the file as UTF-8 strictly', async () => {
    const ctx = createTestContext({ files: { 'cases.csv': new Uint8Array([0x61, 0x2c, 0xff, 0x0a]) } })
    await runCommand('execute_cases', { cases_path: 'cases.csv' }, { ctx })
    expect(ctx.logs).toEqual(["Fatal error: 'utf-8' codec can't decode byte 0xff in position 2: invalid start byte"])
  })
})
