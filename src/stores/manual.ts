import { defineStore } from 'pinia'
import { ref } from 'vue'
import { LatestRequest } from '../core/latestRequest'

export type ManualView = { plugin: string; url: string } & ({ status: 'loading' } | { status: 'ready'; html: string } | { status: 'failed'; error: string })

/** The plugin manual shown in the page, if any; its reader and Markdown renderer load on first use. */
export const useManualStore = defineStore('manual', () => {
  const shown = ref<ManualView | undefined>()
  const openings = new LatestRequest()

  async function open(plugin: string, url: string): Promise<void> {
    const isLatest = openings.begin()
    shown.value = { plugin, url, status: 'loading' }
    const [{ fetchManual }, { renderManual }] = await Promise.all([import('../api/fetchManual'), import('../core/docs/renderManual')])
    const fetched = await fetchManual(url)
    // Closed, or another manual opened meanwhile.
    if (!isLatest()) return
    shown.value = fetched.ok
      ? { plugin, url, status: 'ready', html: renderManual(fetched.text, url) }
      : { plugin, url, status: 'failed', error: `Could not load the manual of ${plugin}: ${fetched.reason}` }
  }

  function close(): void {
    openings.cancel()
    shown.value = undefined
  }

  return { shown, open, close }
})
