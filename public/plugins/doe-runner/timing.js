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

  /**
   * A signal for one case, made when first asked for (most cases never wait, and an
   * AbortController per case costs more than running an echo); call `release()` when the case is over.
   */
  open() {
    const controllers = this.#controllers
    const parent = this.parent
    let controller = null
    return {
      get signal() {
        if (!controller) {
          controller = new AbortController()
          if (parent.aborted) controller.abort(parent.reason)
          else controllers.add(controller)
        }
        return controller.signal
      },
      release: () => controller && controllers.delete(controller),
    }
  }

  close() {
    this.parent.removeEventListener('abort', this.abortAll)
  }
}
