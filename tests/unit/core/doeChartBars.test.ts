import { describe, expect, it } from 'vitest'
import { chartBars } from '../../../src/core/doe/chartBars'
import type { MetricsRow } from '../../../src/core/doe/metricsTable'

const row = (case_id: string, p95: string, extra: MetricsRow = {}): MetricsRow => ({ case_id, p95, status: 'OK', ...extra })

describe('the bars of a DOE metric chart', () => {
  it('draws one bar per case up to the limit, coloured by what the case did', () => {
    const rows = [
      row('a', '0.05', { param_threshold_p95: '0.1' }),
      row('b', '0.2', { param_threshold_p95: '0.1' }),
      row('c', '', { status: 'FAIL' }),
      row('d', 'nan'),
    ]
    expect(chartBars(rows, 'p95', 4)).toEqual({
      labels: ['a', 'b', 'c', 'd'],
      values: [0.05, 0.2, null, null],
      thresholds: [0.1, 0.1, null, null],
      kinds: ['ok', 'violation', 'failed', 'ok'],
      casesPerBar: 1,
    })
  })

  it('past the limit, a bar stands for a run of consecutive cases: their largest value and lowest threshold', () => {
    const rows = Array.from({ length: 7 }, (_, index) => row(`case-${index}`, String(index / 10), { param_threshold_p95: String(1 - index / 10) }))
    const bars = chartBars(rows, 'p95', 3)
    expect(bars.casesPerBar).toBe(3)
    expect(bars.labels).toEqual(['case-0 – case-2', 'case-3 – case-5', 'case-6'])
    expect(bars.values).toEqual([0.2, 0.5, 0.6])
    expect(bars.thresholds).toEqual([0.8, 0.5, 0.4])
    // case-6 is over its threshold (0.6 > 0.4); case-5 is not (0.5 > 0.5 is false).
    expect(bars.kinds).toEqual(['ok', 'ok', 'violation'])
  })

  it('a bar of several cases is a violation when any of them is, else failed when any did not finish OK', () => {
    const rows = [row('a', '0.3', { param_threshold_p95: '0.1' }), row('b', '', { status: 'TIMEOUT' }), row('c', '0.1'), row('d', '', { status: 'FAIL' })]
    expect(chartBars(rows, 'p95', 2).kinds).toEqual(['violation', 'failed'])
  })

  it('has no bars for no cases', () => {
    expect(chartBars([], 'p95')).toEqual({ labels: [], values: [], thresholds: [], kinds: [], casesPerBar: 1 })
  })

  it('keeps at most 100 bars by default', () => {
    const rows = Array.from({ length: 1_000 }, (_, index) => row(`echo-${index}`, '0.01'))
    const bars = chartBars(rows, 'p95')
    expect(bars.casesPerBar).toBe(10)
    expect(bars.labels).toHaveLength(100)
    expect(bars.labels.at(-1)).toBe('echo-990 – echo-999')
  })
})
