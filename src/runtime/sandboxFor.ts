import type { PluginEntry } from '../core/manifest/types'
import { PluginSandbox, type Sandbox } from './pluginSandbox'
import { PythonSandbox } from './python/pythonSandbox'

/** The sandbox that runs an entry, by its kind. */
export function sandboxFor(entry: PluginEntry): Sandbox {
  return entry.kind === 'python' ? new PythonSandbox(entry) : new PluginSandbox(entry)
}
