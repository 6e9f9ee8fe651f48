/**
 * Work over long lists in slices, each in a task of its own, so that the page can draw and answer input in
 * between: a registry of 1,000 plugins must never hold the page's main thread for long.
 */

/** How long one slice may work before the page gets a turn. */
export const SLICE_BUDGET_MS = 4

/** Resolves in a later task of the event loop, after what is queued (a timer: fake timers in tests move it too). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** `items.map(map)`, in slices of at most SLICE_BUDGET_MS each, the first in the current task. */
export async function mapInSlices<T, R>(items: readonly T[], map: (item: T) => R): Promise<R[]> {
  const mapped: R[] = []
  let sliceStart = performance.now()
  for (const item of items) {
    if (performance.now() - sliceStart > SLICE_BUDGET_MS) {
      await nextTask()
      sliceStart = performance.now()
    }
    mapped.push(map(item))
  }
  return mapped
}
