import { metricValue, thresholdViolations, type MetricsRow } from './metricsTable'

/**
 * The most bars a metric chart draws. Past it, each bar stands for a run of consecutive cases: a chart of
 * thousands of bars is thinner than a pixel per case and costs the page a long task to lay out.
 */
export const MAX_CHART_BARS = 100

/** What a bar shows: cases within their threshold, a case over it, or a case that did not finish OK. */
export type BarKind = 'ok' | 'violation' | 'failed'

export interface ChartBars {
  labels: string[]
  /** Per bar, the largest value of the metric among its cases (null when none has one). */
  values: Array<number | null>
  /** Per bar, the lowest threshold of the metric among its cases (null when none has one). */
  thresholds: Array<number | null>
  /** A bar is a violation when any of its cases is, else failed when any of them did not finish OK. */
  kinds: BarKind[]
  /** How many consecutive cases each bar stands for (the last bar may hold fewer). */
  casesPerBar: number
}

const KIND_WEIGHT: Record<BarKind, number> = { ok: 0, failed: 1, violation: 2 }

/** The bars of `metric` for metrics.csv's rows, one per case up to `maxBars`, one per run of cases beyond. */
export function chartBars(rows: readonly MetricsRow[], metric: string, maxBars = MAX_CHART_BARS): ChartBars {
  const casesPerBar = Math.max(1, Math.ceil(rows.length / maxBars))
  const bars: ChartBars = { labels: [], values: [], thresholds: [], kinds: [], casesPerBar }
  for (let start = 0; start < rows.length; start += casesPerBar) {
    const group = rows.slice(start, start + casesPerBar)
    const first = group[0].case_id ?? ''
    const last = group[group.length - 1].case_id ?? ''
    bars.labels.push(group.length === 1 ? first : `${first} – ${last}`)
    bars.values.push(largest(group.map((row) => metricValue(row[metric]))))
    bars.thresholds.push(lowest(group.map((row) => metricValue(row[`param_threshold_${metric}`]))))
    bars.kinds.push(group.map((row) => caseKind(row, metric)).reduce((worst, kind) => (KIND_WEIGHT[kind] > KIND_WEIGHT[worst] ? kind : worst)))
  }
  return bars
}

function caseKind(row: MetricsRow, metric: string): BarKind {
  if (row.status !== 'OK') return 'failed'
  return thresholdViolations(row).includes(metric) ? 'violation' : 'ok'
}

function numbers(values: Array<number | undefined>): number[] {
  return values.filter((value): value is number => value !== undefined && !Number.isNaN(value))
}

function largest(values: Array<number | undefined>): number | null {
  const present = numbers(values)
  return present.length ? Math.max(...present) : null
}

function lowest(values: Array<number | undefined>): number | null {
  const present = numbers(values)
  return present.length ? Math.min(...present) : null
}
