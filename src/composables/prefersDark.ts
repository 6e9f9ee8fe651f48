import { onScopeDispose, ref, type Ref } from 'vue'

const DARK_QUERY = '(prefers-color-scheme: dark)'

/** Whether the browser asks for a dark colour scheme, kept current while the calling component lives. */
export function usePrefersDark(): Ref<boolean> {
  const query = matchMedia(DARK_QUERY)
  const dark = ref(query.matches)
  const update = (event: MediaQueryListEvent) => {
    dark.value = event.matches
  }
  query.addEventListener('change', update)
  onScopeDispose(() => query.removeEventListener('change', update))
  return dark
}
