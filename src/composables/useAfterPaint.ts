import { onBeforeUnmount, shallowRef, watch, type ShallowRef, type WatchSource } from 'vue'

/**
 * `source`'s value, taken a task after the frame that follows each change of it: the costly part of a view
 * can wait for it, so that the rest of the page shows first and the work is split over several tasks.
 */
export function useAfterPaint<T>(source: WatchSource<T>): ShallowRef<T | undefined> {
  const value = shallowRef<T>()
  let frame = 0
  let task: ReturnType<typeof setTimeout> | undefined
  const cancel = () => {
    cancelAnimationFrame(frame)
    clearTimeout(task)
  }
  watch(
    source,
    (next) => {
      cancel()
      frame = requestAnimationFrame(() => (task = setTimeout(() => (value.value = next))))
    },
    { immediate: true },
  )
  onBeforeUnmount(cancel)
  return value
}
