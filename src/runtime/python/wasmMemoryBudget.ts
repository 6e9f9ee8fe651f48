/** Counts the growth requests a memory budget refused; a run reads how many happened while it ran. */
export interface MemoryBudget {
  readonly refusals: number
}

const PAGE_BYTES = 65_536
const state = { budget: Number.POSITIVE_INFINITY, refusals: 0, installed: false }

/**
 * Caps every WebAssembly memory of this realm (a Python sandbox's worker or thread runs no other) at `budget`
 * bytes. CPython in WebAssembly grows its memory through `WebAssembly.Memory.prototype.grow`; a refused growth
 * fails the allocation behind it, which Python raises as `MemoryError`, so the plugin can recover and the
 * sandbox lives on.
 */
export function limitWasmMemory(budget: number): MemoryBudget {
  state.budget = budget
  if (!state.installed) {
    state.installed = true
    const grow = WebAssembly.Memory.prototype.grow
    WebAssembly.Memory.prototype.grow = function (this: WebAssembly.Memory, pages: number) {
      if (this.buffer.byteLength + pages * PAGE_BYTES > state.budget) {
        state.refusals += 1
        throw new RangeError(`WebAssembly memory may not grow past ${state.budget} bytes`)
      }
      return grow.call(this, pages)
    }
  }
  return state
}
