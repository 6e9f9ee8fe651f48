// The Execution Report 0.1.0 prints after a completed run, one line per entry.
import { formatFixed } from '../python/decimal.js'

const RULE = '='.repeat(50)

/** The report's lines; the success rate is Python's '%.1f' (ties to even on the binary value). */
export function executionReportLines(stats) {
  const successRate = stats.total > 0 ? (stats.success / stats.total) * 100 : 0
  return [
    '',
    RULE,
    'Execution Report',
    RULE,
    `Total cases: ${stats.total}`,
    `Success: ${stats.success}`,
    `Failed: ${stats.failed}`,
    `Timeout: ${stats.timeout}`,
    `Skipped (cached): ${stats.skipped}`,
    `Threshold violations: ${stats.threshold_violations}`,
    `Success rate: ${formatFixed(successRate, 1)}%`,
    RULE,
  ]
}
