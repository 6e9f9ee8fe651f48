import { describe, expect, it } from 'vitest'
import { csvText, executeCases } from './helpers'

const HEADER = 'case_id,backend,cmd_template,timeout_s,threshold_p95,threshold_p99,threshold_throughput_rps'
const echo = (output: string) => `"echo '${output}'"`

describe('threshold violations', () => {
  it.each<[string, string, number]>([
    ['a value above the threshold', `t,shell,${echo('p95=0.2')},5,0.1,,`, 1],
    ['equality passes', `t,shell,${echo('p95=0.1')},5,0.1,,`, 0],
    ['throughput is also checked with >, so more throughput violates', `t,shell,${echo('throughput_rps=900')},5,,,800`, 1],
    ['each metric counts once', `t,shell,${echo('p95=1 p99=1 throughput_rps=1')},5,0.5,0.5,0.5`, 3],
    ['a nan threshold never fires', `t,shell,${echo('p95=5')},5,nan,,`, 0],
    ['a -inf threshold always fires', `t,shell,${echo('p95=0')},5,-inf,,`, 1],
    ['a missing p99 (None) is skipped', `t,shell,${echo('p95=0')},5,,0.1,`, 0],
    ['text from JSON is skipped', `t,shell,"echo '{""p95"": ""slow""}'",5,0.1,,`, 0],
    ['a JSON true compares as 1', `t,shell,"echo '{""p95"": true}'",5,0.5,,`, 1],
    ['a large JSON int compares exactly', `t,shell,"echo '{""p95"": 9007199254740993}'",5,9007199254740992,,`, 1],
    ['the default throughput of 1.0 is checked too', `t,shell,echo done,5,,,0.5`, 1],
  ])('%s', async (_name, row, violations) => {
    const { result } = await executeCases(csvText(HEADER, row))
    expect(result.stats.threshold_violations).toBe(violations)
    expect(result.exit_code).toBe(violations > 0 ? 2 : 0)
  })

  it('checks cached results as well', async () => {
    const cases = csvText(HEADER, `t,shell,${echo('p95=0.2')},5,0.1,,`)
    const { ctx } = await executeCases(cases)
    const { result } = await executeCases(cases, {}, { ctx })
    expect(result.stats).toMatchObject({ skipped: 1, success: 0, threshold_violations: 1 })
    expect(result.exit_code).toBe(2)
  })

  it('logs each violation when verbose', async () => {
    const { ctx } = await executeCases(csvText(HEADER, `t,shell,${echo('p95=0.2 throughput_rps=7')},5,0.1,,5`), { verbose: true })
    expect(ctx.logs).toContain('⚠️  Threshold violation: t p95=0.2 > 0.1')
    expect(ctx.logs).toContain('⚠️  Threshold violation: t throughput_rps=7.0 > 5.0')
  })
})

describe('exit codes', () => {
  it.each<[string, string[], number, string]>([
    ['all OK', [`a,shell,${echo('p95=0.1')},5,,,`], 0, 'All cases executed successfully, thresholds met'],
    ['violations only', [`a,shell,${echo('p95=0.3')},5,0.1,,`], 2, 'Execution completed but threshold violations detected'],
    ['a FAIL wins over violations', [`a,shell,${echo('p95=0.3')},5,0.1,,`, 'b,simroute,x,5,,,'], 3, 'I/O error, invalid configuration, or execution failure'],
    ['a TIMEOUT is exit code 3', ['a,shell,sleep 1,0,,,'], 3, 'I/O error, invalid configuration, or execution failure'],
    ['a non-zero exit status is not a failure', ['a,shell,exit 4,5,,,'], 0, 'All cases executed successfully, thresholds met'],
  ])('%s', async (_name, rows, exitCode, meaning) => {
    const { result } = await executeCases(csvText(HEADER, ...rows))
    expect(result).toMatchObject({ status: 'success', exit_code: exitCode, exit_meaning: meaning })
  })
})
