// Runs the cases of a group with at most `limit` in flight, like 0.1.0's thread pool, and
// hands back their outcomes in submission order.
import { monotonicMs } from '../timing.js'

// Cases that never sleep finish in microtasks; without a pause now and then a long run
// would hold the worker's event loop (and with it cancellation) until the very end.
const BUSY_SLICE_MS = 40

let sliceStartedAt = monotonicMs()
let pause = null

/** A promise to await before more work when this slice of the event loop is used up, else null. */
function pauseIfBusy() {
  if (pause) return pause
  if (monotonicMs() - sliceStartedAt < BUSY_SLICE_MS) return null
  pause = new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
    pause = null
    sliceStartedAt = monotonicMs()
  })
  return pause
}

function deferred() {
  /** @type {(value?: unknown) => void} */
  let resolve
  /** @type {(reason?: unknown) => void} */
  let reject
  const promise = new Promise((onResolve, onReject) => {
    resolve = onResolve
    reject = onReject
  })
  promise.catch(() => {})
  return { promise, resolve, reject }
}

/**
 * Starts `run(index)` for 0 … count-1 in order, at most `limit` at a time, until
 * `mayStart()` says no or `signal` aborts; `onSettled(index, outcome)` follows each finish.
 * Returns `outcomes`, one promise per index settling as { value } or { error } (after an
 * abort, those not yet settled reject with the reason); `whenIdle()`, a promise that every
 * case started so far has finished; and `release()`, to call when done with the outcomes.
 */
export function runLimited(count, limit, run, { mayStart, onSettled, signal }) {
  const outcomes = Array.from({ length: count }, deferred)
  let next = 0
  let running = 0
  let idle = null

  const startOne = async (index) => {
    running += 1
    const waiting = pauseIfBusy()
    if (waiting) await waiting
    let outcome
    try {
      outcome = { value: await run(index) }
    } catch (error) {
      outcome = { error }
    }
    running -= 1
    if (signal.aborted && outcome.error === signal.reason) {
      outcomes[index].reject(signal.reason)
    } else {
      outcomes[index].resolve(outcome)
      onSettled(index, outcome)
    }
    fill()
    if (running === 0 && idle) {
      idle.resolve()
      idle = null
    }
  }

  const fill = () => {
    if (signal.aborted) {
      while (next < count) outcomes[next++].reject(signal.reason)
      return
    }
    while (running < limit && next < count && mayStart()) startOne(next++)
  }

  signal.addEventListener('abort', fill, { once: true })
  fill()
  return {
    outcomes: outcomes.map((outcome) => outcome.promise),
    whenIdle() {
      if (running === 0) return Promise.resolve()
      idle ??= deferred()
      return idle.promise
    },
    release: () => signal.removeEventListener('abort', fill),
  }
}
