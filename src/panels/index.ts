import { defineAsyncComponent, type Component } from 'vue'
import type { TabDefinition } from '../components/TabList.vue'
import type { PanelId } from '../stores/navigation'
import ExecutePanel from './ExecutePanel.vue'
import FilesPanel from './FilesPanel.vue'
import HealthPanel from './HealthPanel.vue'
import PluginsPanel from './PluginsPanel.vue'

// Loaded when its tab first opens: the code editor it brings is larger than the rest of the app.
const ConfigPanel = defineAsyncComponent(() => import('./ConfigPanel.vue'))

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
