import { GiB, formatLimit } from './format'

/**
 * How far a Python sandbox's WebAssembly memory may grow. Browsers report no heap size for a worker, but the
 * memory of CPython in WebAssembly grows only on request, so a request past this is refused where it is made.
 */
export const PYTHON_MEMORY_BUDGET = 1 * GiB

/** What a run whose allocation was refused is told, after its error. */
export function memoryBudgetReason(budget: number): string {
  return `Python's memory may not grow past ${formatLimit(budget)}`
}

/** The log line of a run in which an allocation was refused. */
export function memoryBudgetNote(budget: number): string {
  return `Memory budget reached: ${memoryBudgetReason(budget)}; an allocation failed with MemoryError`
}
