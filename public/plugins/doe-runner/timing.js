// Clocks and the one way this plugin waits: a sleep that a case's time limit or the run's
// AbortSignal ends early.
import { PyTimeoutError } from './python/errors.js'

// setTimeout treats longer delays as 0 (browsers) or 1 ms (Node).
const LONGEST_TIMER_MS = 2 ** 31 - 1

/** Milliseconds on a monotonic clock. */
export function monotonicMs() {
  return performance.now()
}

// Read once: Node's timeOrigin getter costs more than the clock read itself.
const TIME_ORIGIN = performance.timeOrigin

/** Wall-clock time in integer microseconds since the epoch. */
export function epochMicros() {
  return Math.round((TIME_ORIGIN + performance.now()) * 1000)
}

/**
 * Waits `seconds` (Infinity allowed). Rejects with PyTimeoutError when the monotonic
 * `deadline` (ms) comes first, and with the signal's reason when `signal` aborts.
 * @param {number} seconds
 * @param {{ deadline?: number, signal?: AbortSignal }} [options]
 */
export function sleep(seconds, { deadline = Infinity, signal } = {}) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const wakeAt = monotonicMs() + seconds * 1000
    const endsByDeadline = deadline <= wakeAt
    const endAt = Math.min(wakeAt, deadline)
    let timer
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    const wait = () => {
      const remaining = endAt - monotonicMs()
      if (remaining > 0) {
        timer = setTimeout(wait, Math.min(remaining, LONGEST_TIMER_MS))
        return
      }
      signal?.removeEventListener('abort', onAbort)
      if (endsByDeadline) reject(new PyTimeoutError('time limit reached'))
      else resolve()
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    wait()
  })
}

/**
 * The signal of one case, made when first asked for: most cases never wait, and an
 * AbortController per case costs more than running an echo.
 */
class CaseSignal {
  #controller = null

  constructor(controllers, parent) {
    this.controllers = controllers
    this.parent = parent
  }

  get signal() {
    if (!this.#controller) {
      this.#controller = new AbortController()
      if (this.parent.aborted) this.#controller.abort(this.parent.reason)
      else this.controllers.add(this.#controller)
    }
    return this.#controller.signal
  }

  release() {
    if (this.#controller) this.controllers.delete(this.#controller)
  }
}

/**
 * One AbortSignal per case, all aborting with `parent`, so that many concurrent sleeps do
 * not each add a listener to the run's signal.
 */
export class CaseSignals {
  #controllers = new Set()

  constructor(parent) {
    this.parent = parent
    this.abortAll = () => {
      for (const controller of this.#controllers) controller.abort(parent.reason)
    }
    parent.addEventListener('abort', this.abortAll, { once: true })
  }

  /** A case's signal; call `release()` when the case is over. */
  open() {
    return new CaseSignal(this.#controllers, this.parent)
  }

  close() {
    this.parent.removeEventListener('abort', this.abortAll)
  }
}
