// One case: resolve its backend and time limit, run it, and turn the outcome into an
// ExecutionResult as 0.1.0's CaseExecutor does.
import { adapters } from '../adapters/registry.js'
import { PyTimeoutError, PyValueError } from '../python/errors.js'
import { parsePyInt } from '../python/float.js'
import { localIsoformat } from '../python/datetime.js'
import { epochMicros, monotonicMs } from '../timing.js'
import { executionResult } from './result.js'

/** What ends a case's sleeps early: its monotonic deadline (ms), and its signal, made only when a sleep asks for it. */
class CaseLimits {
  constructor(deadline, caseSignal) {
    this.deadline = deadline
    this.caseSignal = caseSignal
  }

  get signal() {
    return this.caseSignal.signal
  }
}

/**
 * Runs one normalised case. Throws (PyValueError) when the case cannot start: a timeout_s
 * that int() rejects, or an unknown backend. Otherwise resolves to an OK, FAIL or TIMEOUT
 * result. `caseSignal.signal` cancels the run (the promise then rejects with its reason);
 * it is read only when the case waits or fails.
 */
export async function executeCase(caseRow, { caseSignal, unseededRandom }) {
  const caseId = caseRow.get('case_id')
  const timeoutSeconds = parsePyInt(caseRow.get('timeout_s') ?? '30')
  const backend = caseRow.get('backend') ?? 'shell'
  const adapter = adapters.get(backend)
  if (!adapter) throw new PyValueError(`Unknown backend: ${backend}`)

  const tsStart = localIsoformat(epochMicros())
  const startedAt = monotonicMs()
  const elapsedSeconds = () => (monotonicMs() - startedAt) / 1000
  try {
    // 0.1.0 joins the worker thread with this timeout, so 0 or less times out at once.
    if (timeoutSeconds <= 0n) throw new PyTimeoutError(`Execution timed out after ${timeoutSeconds}s`)
    const deadline = startedAt + Number(timeoutSeconds) * 1000
    const metrics = await adapter.run(caseRow, new CaseLimits(deadline, caseSignal), unseededRandom)
    const runSeconds = elapsedSeconds()
    return executionResult({
      case_id: caseId,
      status: 'OK',
      run_seconds: runSeconds,
      ...metrics,
      ts_start: tsStart,
      ts_end: localIsoformat(epochMicros()),
    })
  } catch (error) {
    const { signal } = caseSignal
    if (signal.aborted) throw signal.reason
    const runSeconds = elapsedSeconds()
    return executionResult({
      case_id: caseId,
      status: error instanceof PyTimeoutError ? 'TIMEOUT' : 'FAIL',
      run_seconds: runSeconds,
      throughput_rps: 0,
      errors: 1n,
      ts_start: tsStart,
      ts_end: localIsoformat(epochMicros()),
    })
  }
}

/** The FAIL row 0.1.0 records for a case that could not start. */
export function notStartedResult(caseRow) {
  const now = localIsoformat(epochMicros())
  return executionResult({
    case_id: caseRow.get('case_id'),
    status: 'FAIL',
    run_seconds: 0n,
    throughput_rps: 0n,
    errors: 1n,
    ts_start: now,
    ts_end: now,
  })
}
