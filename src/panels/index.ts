import type { Component } from 'vue'
import type { TabDefinition } from '../components/TabList.vue'
import ExecutePanel from './ExecutePanel.vue'
import FilesPanel from './FilesPanel.vue'
import HealthPanel from './HealthPanel.vue'
import PluginsPanel from './PluginsPanel.vue'

export interface PanelDefinition extends TabDefinition {
  component: Component
}

/** The app's panels, in tab order, with the accessible names of spec §6. */
export const PANELS: PanelDefinition[] = [
  { id: 'plugins', label: 'Plugins', component: PluginsPanel },
  { id: 'health', label: 'Health', component: HealthPanel },
  { id: 'execute', label: 'Execute', component: ExecutePanel },
  { id: 'files', label: 'Files', component: FilesPanel },
]
