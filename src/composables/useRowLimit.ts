import { computed, nextTick, ref, toValue, type MaybeRefOrGetter } from 'vue'
import type { TemplateRef } from 'vue'

/**
 * The first rows of a long list, and a way to show more: thousands of table rows slow the page down.
 * After showing more, focus moves to the first new row's first button or link, else to the row itself
 * (the pressed button may be gone).
 * `list` is the element whose children are the rows (a table body, or a list of cards).
 */
export function useRowLimit<T>(items: MaybeRefOrGetter<readonly T[]>, pageRows: number, list: TemplateRef<HTMLElement>) {
  const rowLimit = ref(pageRows)
  const shown = computed(() => toValue(items).slice(0, rowLimit.value))

  async function showMore(rows: number): Promise<void> {
    const firstNewRow = shown.value.length
    rowLimit.value = firstNewRow + rows
    await nextTick()
    const row = list.value?.children[firstNewRow] as HTMLElement | undefined
    ;(row?.querySelector<HTMLElement>('button, a') ?? row)?.focus()
  }

  /** Back to the first page, e.g. when the list is filtered anew. */
  function showFirstPage(): void {
    rowLimit.value = pageRows
  }

  return { shown, showMore, showFirstPage }
}
