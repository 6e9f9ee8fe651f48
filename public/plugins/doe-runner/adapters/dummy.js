// The dummy backend: CPython's random module replayed call for call, so a seed gives the
// same metrics as 0.1.0.
import { PyRuntimeError, PyTimeoutError } from '../python/errors.js'
import { parsePyInt } from '../python/float.js'
import { PyRandom } from '../python/random.js'
import { pyRound } from '../python/decimal.js'
import { sleep } from '../timing.js'

const ERROR_COUNTS = [0n, 1n, 2n, 5n]
const ERROR_WEIGHTS = [0.8, 0.1, 0.05, 0.05]

/** The metrics one generator state yields, and whether the case fails (draws in 0.1.0's order). */
export function drawDummyMetrics(random, forceFailure) {
  const executionTime = random.uniform(0.1, 2.0)
  const baseLatency = random.uniform(0.01, 0.2)
  const metrics = {
    p95: pyRound(baseLatency * random.uniform(1.5, 2.0), 4),
    p99: pyRound(baseLatency * random.uniform(2.0, 3.0), 4),
    throughput_rps: pyRound(random.uniform(100, 2000), 1),
    errors: random.choice(ERROR_COUNTS, ERROR_WEIGHTS),
    latency_p50: pyRound(baseLatency * random.uniform(0.8, 1.2), 4),
  }
  if (random.random() > 0.3) metrics.cpu_util = pyRound(random.uniform(10, 80), 1)
  if (random.random() > 0.3) metrics.mem_peak_mb = pyRound(random.uniform(50, 500), 1)
  if (random.random() > 0.5) metrics.queue_depth_p95 = pyRound(random.uniform(1, 10), 2)
  const fails = Boolean(forceFailure) || random.random() < 0.05
  return { executionTime, metrics, fails }
}

export const dummyAdapter = {
  description: 'Deterministic synthetic metrics from the case seed (CPython random replayed)',

  /** `unseededRandom`: the run's generator, used when the file has no seed column. */
  async run(caseRow, limits, unseededRandom) {
    const seed = caseRow.get('seed')
    const random = seed === undefined ? unseededRandom : new PyRandom(parsePyInt(seed))
    const { executionTime, metrics, fails } = drawDummyMetrics(random, caseRow.get('force_failure'))
    await sleep(Math.min(executionTime, 0.1), limits)
    if (fails) throw new PyRuntimeError('Simulated execution failure')
    if (caseRow.get('force_timeout')) throw new PyTimeoutError('Simulated timeout')
    return metrics
  },
}
