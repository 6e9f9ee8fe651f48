import { computed, nextTick, ref, type Ref } from 'vue'
import type { TemplateRef } from 'vue'

/**
 * The first rows of a long list, and a way to show more: thousands of table rows slow the page down.
 * After showing more, focus moves to the first new row's first button (the pressed one may be gone).
 */
export function useRowLimit<T>(items: Ref<readonly T[]>, pageRows: number, tableBody: TemplateRef<HTMLTableSectionElement>) {
  const rowLimit = ref(pageRows)
  const shown = computed(() => items.value.slice(0, rowLimit.value))

  async function showMore(rows: number): Promise<void> {
    const firstNewRow = shown.value.length
    rowLimit.value = firstNewRow + rows
    await nextTick()
    tableBody.value?.rows[firstNewRow]?.querySelector('button')?.focus()
  }

  return { shown, showMore }
}
