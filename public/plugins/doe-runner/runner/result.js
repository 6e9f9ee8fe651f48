// 0.1.0's ExecutionResult dataclass: its fields in declaration order (the order of the cache
// file and of asdict()), and how a dict becomes one again.

export const RESULT_FIELDS = [
  'case_id',
  'status',
  'run_seconds',
  'p95',
  'p99',
  'throughput_rps',
  'errors',
  'ts_start',
  'ts_end',
  'cpu_util',
  'mem_peak_mb',
  'queue_depth_p95',
  'latency_p50',
]
const OPTIONAL_FIELDS = new Set(['cpu_util', 'mem_peak_mb', 'queue_depth_p95', 'latency_p50'])

/** An ExecutionResult; the four optional metrics default to None (null). */
export function executionResult(fields) {
  const result = {}
  for (const name of RESULT_FIELDS) result[name] = fields[name] ?? null
  return result
}

/**
 * `ExecutionResult(**data)` for a dict (Map) read back from the cache, or null where Python
 * raises TypeError: an unknown key or a missing required one.
 */
export function resultFromDict(data) {
  for (const key of data.keys()) if (!RESULT_FIELDS.includes(key)) return null
  for (const name of RESULT_FIELDS) if (!OPTIONAL_FIELDS.has(name) && !data.has(name)) return null
  return Object.fromEntries(RESULT_FIELDS.map((name) => [name, data.has(name) ? data.get(name) : null]))
}

/** `asdict(result)` as a Map in field order. */
export function resultToDict(result) {
  const dict = new Map()
  for (const name of RESULT_FIELDS) dict.set(name, result[name])
  return dict
}
