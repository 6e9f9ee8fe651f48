import { defineStore } from 'pinia'
import { ref } from 'vue'

/** Ids of the panels (src/panels/index.ts), in tab order. */
export type PanelId = 'plugins' | 'health' | 'execute' | 'config' | 'files'

/** Which panel is shown: tabs, links between panels and share links all switch it here. */
export const useNavigationStore = defineStore('navigation', () => {
  const panel = ref<PanelId>('plugins')

  function show(id: PanelId): void {
    panel.value = id
  }

  return { panel, show }
})
