import { onBeforeUnmount, onMounted, toValue, type MaybeRefOrGetter } from 'vue'

/** While `unsaved` holds, closing or reloading the page asks the user first (the browser words the question). */
export function useLeaveWarning(unsaved: MaybeRefOrGetter<boolean>): void {
  function warn(event: BeforeUnloadEvent): void {
    if (toValue(unsaved)) event.preventDefault()
  }
  onMounted(() => window.addEventListener('beforeunload', warn))
  onBeforeUnmount(() => window.removeEventListener('beforeunload', warn))
}
