import { parseCsv } from '../csv'

/** The metrics DOE Runner can be checked against thresholds (a `threshold_<metric>` column of cases.csv). */
export const THRESHOLD_METRICS = ['p95', 'p99', 'throughput_rps'] as const
/** Metrics worth plotting per case, in the order offered. */
export const PLOTTABLE_METRICS = ['p95', 'p99', 'throughput_rps', 'latency_p50', 'errors', 'cpu_util', 'mem_peak_mb', 'queue_depth_p95', 'run_seconds'] as const

export type MetricsRow = Record<string, string>

export interface MetricsTable {
  columns: string[]
  rows: MetricsRow[]
}

/** metrics.csv as written by DOE Runner: a header, then one row per case. */
export function readMetricsCsv(text: string): MetricsTable {
  const [columns = [], ...records] = parseCsv(text)
  const rows = records.map((record) => Object.fromEntries(columns.map((column, index) => [column, record[index] ?? ''])))
  return { columns, rows }
}

const SPECIAL_VALUES: Record<string, number> = {
  inf: Infinity,
  '+inf': Infinity,
  '-inf': -Infinity,
  infinity: Infinity,
  '+infinity': Infinity,
  '-infinity': -Infinity,
  nan: NaN,
  '+nan': NaN,
  '-nan': NaN,
}

/**
 * A metrics.csv cell as a number, read the way Python's `float()` reads it (`inf`, `nan`, `1_000`);
 * undefined for an empty or non-numeric cell.
 */
export function metricValue(cell: string | undefined): number | undefined {
  const text = (cell ?? '').trim().toLowerCase().replaceAll('_', '')
  if (text === '') return undefined
  if (Object.hasOwn(SPECIAL_VALUES, text)) return SPECIAL_VALUES[text]
  const value = Number(text)
  return Number.isNaN(value) || /^[+-]?0[box]/.test(text) ? undefined : value
}

/** The metrics of `row` above their threshold (`value > threshold`; a `nan` threshold never fires). */
export function thresholdViolations(row: MetricsRow): string[] {
  return THRESHOLD_METRICS.filter((metric) => {
    const threshold = metricValue(row[`param_threshold_${metric}`])
    const value = metricValue(row[metric])
    return threshold !== undefined && value !== undefined && value > threshold
  })
}

/** Rows ordered by `column`: numerically when both cells are numbers, otherwise by text; empty cells last. */
export function sortMetricsRows(rows: readonly MetricsRow[], column: string, direction: 'ascending' | 'descending'): MetricsRow[] {
  const sign = direction === 'ascending' ? 1 : -1
  return [...rows].sort((a, b) => {
    const left = a[column] ?? ''
    const right = b[column] ?? ''
    if (left === '' || right === '') return left === right ? 0 : left === '' ? 1 : -1
    const leftNumber = metricValue(left)
    const rightNumber = metricValue(right)
    if (leftNumber !== undefined && rightNumber !== undefined && !Number.isNaN(leftNumber) && !Number.isNaN(rightNumber)) {
      return sign * (leftNumber - rightNumber)
    }
    return sign * left.localeCompare(right)
  })
}

/** The newest run log among workspace paths (their names start with a sortable JST timestamp). */
export function newestRunLog(paths: readonly string[]): string | undefined {
  return paths
    .filter((path) => /\d{8}-\d{4}-JST-doe-runner\.md$/.test(path))
    .sort()
    .at(-1)
}
