import { describe, expect, it } from 'vitest'
import { metricValue, newestRunLog, readMetricsCsv, sortMetricsRows, thresholdViolations } from '../../../src/core/doe/metricsTable'

const CSV =
  'case_id,cpu_util,errors,latency_p50,mem_peak_mb,p95,p99,param_threshold_p95,queue_depth_p95,run_seconds,status,throughput_rps,ts_end,ts_start\r\n' +
  'a,,0,,,0.08,0.12,0.10,,0.01,OK,500.0,t1,t0\r\n' +
  'b,,1,,,0.2,0.3,0.10,,0.02,OK,80.5,t1,t0\r\n' +
  'c,,1,,,,,,,0,FAIL,0.0,t1,t0\r\n'

describe('DOE metrics table', () => {
  it('reads metrics.csv into named rows', () => {
    const table = readMetricsCsv(CSV)
    expect(table.columns[0]).toBe('case_id')
    expect(table.rows).toHaveLength(3)
    expect(table.rows[1]).toMatchObject({ case_id: 'b', p95: '0.2', status: 'OK', param_threshold_p95: '0.10' })
  })

  it.each([
    ['0.5', 0.5],
    [' 1_000 ', 1000],
    ['inf', Infinity],
    ['-inf', -Infinity],
    ['1e-05', 1e-5],
    ['', undefined],
    ['abc', undefined],
    ['0x10', undefined],
    ['constructor', undefined],
  ])('metricValue(%j) = %s', (cell, expected) => {
    expect(metricValue(cell)).toBe(expected)
  })

  it('reads nan as NaN', () => {
    expect(metricValue('nan')).toBeNaN()
  })

  it.each([
    [{ p95: '0.2', param_threshold_p95: '0.10' }, ['p95']],
    [{ p95: '0.1', param_threshold_p95: '0.10' }, []],
    [{ p95: '0.2', param_threshold_p95: 'nan' }, []],
    [{ p95: '0.2', param_threshold_p95: '-inf' }, ['p95']],
    [{ p95: '', param_threshold_p95: '0.1' }, []],
    [{ throughput_rps: '500.0', param_threshold_throughput_rps: '400', p99: '1', param_threshold_p99: '0.5' }, ['p99', 'throughput_rps']],
    [{ p95: '0.2' }, []],
  ])('thresholdViolations(%j) = %j', (row, expected) => {
    expect(thresholdViolations(row)).toEqual(expected)
  })

  it('sorts numerically, text otherwise, empty cells last', () => {
    const { rows } = readMetricsCsv(CSV)
    expect(sortMetricsRows(rows, 'throughput_rps', 'descending').map((row) => row.case_id)).toEqual(['a', 'b', 'c'])
    expect(sortMetricsRows(rows, 'p95', 'ascending').map((row) => row.case_id)).toEqual(['a', 'b', 'c'])
    expect(sortMetricsRows(rows, 'p95', 'descending').map((row) => row.case_id)).toEqual(['b', 'a', 'c'])
    expect(sortMetricsRows(rows, 'status', 'ascending').map((row) => row.status)).toEqual(['FAIL', 'OK', 'OK'])
  })

  it('finds the newest run log', () => {
    expect(newestRunLog(['docs/run/20261124-2359-JST-doe-runner.md', 'docs/run/20261125-0001-JST-doe-runner.md', 'docs/run/notes.md'])).toBe(
      'docs/run/20261125-0001-JST-doe-runner.md',
    )
    expect(newestRunLog(['x.md'])).toBeUndefined()
  })
})
