import { defineAsyncComponent, type Component } from 'vue'
import type { TabDefinition } from '../components/TabList.vue'
import type { PanelId } from '../stores/navigation'
import { useConfigStore } from '../stores/config'
import PluginsPanel from './PluginsPanel.vue'

// Only the first panel is part of the first load: each other one loads when its tab first opens, with
// what it alone brings (the code editor, Chart.js, the YAML parser of the run arguments).
const HealthPanel = defineAsyncComponent(() => import('./HealthPanel.vue'))
const ExecutePanel = defineAsyncComponent(() => import('./ExecutePanel.vue'))
// The Config panel edits the stored files, so it waits until they have been read.
const ConfigPanel = defineAsyncComponent(() => useConfigStore().ready.then(() => import('./ConfigPanel.vue')))
const FilesPanel = defineAsyncComponent(() => import('./FilesPanel.vue'))

export interface PanelDefinition extends TabDefinition {
  id: PanelId
  component: Component
}

/** The app's panels, in tab order, with the accessible names of spec §6. */
export const PANELS: PanelDefinition[] = [
  { id: 'plugins', label: 'Plugins', component: PluginsPanel },
  { id: 'health', label: 'Health', component: HealthPanel },
  { id: 'execute', label: 'Execute', component: ExecutePanel },
  { id: 'config', label: 'Config', component: ConfigPanel },
  { id: 'files', label: 'Files', component: FilesPanel },
]
