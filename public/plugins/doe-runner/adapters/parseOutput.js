// How 0.1.0 reads metrics from a shell command's output (stdout followed by stderr).
import { JsonDecodeError } from '../python/errors.js'
import { parsePyFloat } from '../python/float.js'
import { parsePyJson } from '../python/json.js'
import { equalsZero } from '../python/operators.js'
import { PY_WHITESPACE_CLASS } from '../python/text.js'

// Python's re.IGNORECASE also lets i match İ and ı, k match K (Kelvin) and s match ſ; the
// JavaScript i flag does not, so each letter becomes a class of what Python accepts.
const pythonCaseVariants = { i: 'İı', k: 'K', s: 'ſ' }
const ignoringCase = (literal) => literal.replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}${pythonCaseVariants[letter] ?? ''}]`)

const metricPattern = (name, valueClass = '[0-9.]') => new RegExp(`${ignoringCase(name)}[=:][${PY_WHITESPACE_CLASS}]*(${valueClass}+)`)

// In order; a later pattern overwrites an earlier one's metric.
const KEY_VALUE_PATTERNS = [
  { key: 'p95', pattern: metricPattern('p95') },
  { key: 'p99', pattern: metricPattern('p99') },
  { key: 'throughput_rps', pattern: metricPattern('throughput_rps') },
  { key: 'throughput_rps', pattern: metricPattern('throughput') },
  { key: 'errors', pattern: metricPattern('errors', '[0-9]') },
  { key: 'cpu_util', pattern: metricPattern('cpu_util') },
  { key: 'mem_peak_mb', pattern: metricPattern('mem_peak_mb') },
  { key: 'queue_depth_p95', pattern: metricPattern('queue_depth_p95') },
  { key: 'latency_p50', pattern: metricPattern('latency_p50') },
]

const JSON_KEYS = ['p95', 'p99', 'throughput_rps', 'errors', 'cpu_util', 'mem_peak_mb', 'queue_depth_p95', 'latency_p50']
const FIRST_BRACE_SPAN = /\{[^}]+\}/

/**
 * The metrics of one output: `key=value` / `key: value` matches through Python's float(),
 * then the raw values of the first {...} span that parses as a JSON object, then the
 * throughput floor. Throws PyValueError when a matched value is not a float to Python.
 */
export function parseMetrics(output) {
  /** @type {Record<string, unknown>} */
  const metrics = { p95: null, p99: null, throughput_rps: 0, errors: 0n }
  for (const { key, pattern } of KEY_VALUE_PATTERNS) {
    const match = pattern.exec(output)
    if (match) metrics[key] = parsePyFloat(match[1])
  }
  const span = FIRST_BRACE_SPAN.exec(output)
  if (span) {
    try {
      const document = parsePyJson(span[0])
      for (const key of JSON_KEYS) if (document.has(key)) metrics[key] = document.get(key)
    } catch (error) {
      if (!(error instanceof JsonDecodeError)) throw error
    }
  }
  if (equalsZero(metrics.throughput_rps) && equalsZero(metrics.errors)) metrics.throughput_rps = 1.0
  return metrics
}
