import type { PluginEntry, PythonPluginEntry } from '../core/manifest/types'
import { PluginSandbox, type Sandbox } from './pluginSandbox'
import { PythonSandbox } from './python/pythonSandbox'

/** The sandbox that runs an entry, by its kind. */
export function sandboxFor(entry: PluginEntry | PythonPluginEntry): Sandbox {
  return 'kind' in entry && entry.kind === 'python' ? new PythonSandbox(entry) : new PluginSandbox(entry as PluginEntry)
}
