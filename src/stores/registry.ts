import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import { fetchManifest } from '../api/fetchManifest'
import { loadFailureMessage } from '../core/hostOutcomes'
import { mergeManifests, type Shadowing } from '../core/manifest/mergeManifests'
import type { ParsedManifest, PluginEntry } from '../core/manifest/types'
import type { PluginInfo } from '../core/pluginContract'
import { PluginLoadError, PluginSandbox } from '../runtime/pluginSandbox'

export type LoadState = 'listed' | 'loading' | 'ready' | 'failed'

export interface PluginRecord {
  name: string
  entry: PluginEntry
  state: LoadState
  info?: PluginInfo
  commands: string[]
  /** `Failed to load plugin <name>: <reason>` when the load failed. */
  error?: string
}

/** Registries in use, the plugins they declare, and each plugin's sandbox and load state. */
export const useRegistryStore = defineStore('registry', () => {
  const registryUrls = ref<string[]>([])
  const manifests = ref<ParsedManifest[]>([])
  const shadowings = ref<Shadowing[]>([])
  const plugins = ref<PluginRecord[]>([])
  const loadingManifests = ref(false)
  const sandboxes = shallowRef(new Map<string, PluginSandbox>())

  function record(name: string): PluginRecord | undefined {
    return plugins.value.find((plugin) => plugin.name === name)
  }

  function sandboxFor(name: string): PluginSandbox | undefined {
    return sandboxes.value.get(name)
  }

  async function open(urls: string[]): Promise<void> {
    for (const sandbox of sandboxes.value.values()) sandbox.destroy()
    registryUrls.value = urls
    loadingManifests.value = true
    manifests.value = await Promise.all(urls.map(fetchManifest))
    loadingManifests.value = false
    const merged = mergeManifests(manifests.value)
    shadowings.value = merged.shadowings
    sandboxes.value = markRaw(new Map(merged.entries.map((entry) => [entry.name, markRaw(new PluginSandbox(entry))])))
    plugins.value = merged.entries.map((entry) => ({ name: entry.name, entry, state: 'listed', commands: [] }))
    await Promise.all(plugins.value.map((plugin) => load(plugin.name)))
  }

  async function load(name: string): Promise<void> {
    const plugin = record(name)
    const sandbox = sandboxFor(name)
    if (!plugin || !sandbox) return
    plugin.state = 'loading'
    plugin.error = undefined
    try {
      const loaded = await sandbox.load()
      plugin.info = loaded.info
      plugin.commands = loaded.commands
      plugin.state = 'ready'
    } catch (error) {
      const reason = error instanceof PluginLoadError ? error.reason : String(error)
      plugin.error = loadFailureMessage(name, reason)
      plugin.state = 'failed'
    }
  }

  return { registryUrls, manifests, shadowings, plugins, loadingManifests, record, sandboxFor, open, load }
})
