import { errorMessage } from '../core/errorMessage'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { ConfigStorage, ConfigStorageError } from '../api/configStorage'
import { unreadGlobalConfigFile } from '../core/config/defaults'
import { discoverySettings, minVersionFor, pluginConfig as mergedPluginConfig, type DiscoverySettings } from '../core/config/merge'
import type { ConfigFileState, ConfigMapping, GlobalConfig } from '../core/config/types'
import { GLOBAL_CONFIG_KEY, configFileName, pluginConfigKey, pluginNameOfConfigKey } from '../core/storageKeys'

type ConfigReader = typeof import('../core/config/reader')

/**
 * The configuration files of spec §3 as the app runs on them. Each file's state is re-read from its text
 * whenever it changes here or in another tab; a file that cannot be read runs on defaults, its text kept.
 * The files are first read once their reader (the YAML parser) has loaded, after the first paint: until
 * `loaded`, the app runs on the defaults, and what needs the stored settings waits for `ready`.
 */
export const useConfigStore = defineStore('config', () => {
  const storage = openConfigStorage()
  let reader: ConfigReader | undefined
  const loaded = ref(false)
  const globalFile = shallowRef(unreadGlobalConfigFile())
  /** Plugin files by plugin name: every stored one, and those added in this session before their first save. */
  const pluginFiles = shallowRef(new Map<string, ConfigFileState<ConfigMapping>>())
  /** Why the last save of a file failed, by storage key; absent when it succeeded. */
  const saveErrors = ref<Record<string, string>>({})
  /** The file the Config panel shows; other panels point at a file by selecting it. */
  const selectedKey = ref(GLOBAL_CONFIG_KEY)

  /** The effective `config.yaml`: defaults wherever the file is missing, broken or wrong. */
  const globalConfig = computed<GlobalConfig>(() => globalFile.value.value)

  /** `config.yaml` first, then each plugin's file by name. */
  const files = computed<ConfigFileState<unknown>[]>(() => [globalFile.value, ...[...pluginFiles.value.values()].sort((a, b) => a.key.localeCompare(b.key))])

  function loadedReader(): ConfigReader {
    if (!reader) throw new Error('The configuration files have not been read yet')
    return reader
  }

  /** How `text` reads as the file stored under `key`, without storing it. */
  function check(key: string, text: string | null): ConfigFileState<unknown> {
    const { readGlobalConfigFile } = loadedReader()
    if (key === GLOBAL_CONFIG_KEY) return readGlobalConfigFile(text)
    const pluginName = pluginNameOfConfigKey(key)
    if (pluginName === null) throw new Error(`Not a configuration file key: ${key}`)
    return readPluginFile(pluginName, text)
  }

  function readPluginFile(pluginName: string, text: string | null): ConfigFileState<ConfigMapping> {
    return loadedReader().readPluginConfigFile(pluginName, text, globalFile.value.value.plugins[pluginName])
  }

  function update(key: string, text: string | null): void {
    const { readGlobalConfigFile } = loadedReader()
    const pluginName = pluginNameOfConfigKey(key)
    if (pluginName !== null) {
      pluginFiles.value = new Map(pluginFiles.value).set(pluginName, readPluginFile(pluginName, text))
      return
    }
    globalFile.value = readGlobalConfigFile(text)
    // A plugin file not saved yet offers what config.yaml gives the plugin, which has just changed.
    const unsaved = [...pluginFiles.value.values()].filter((file) => !file.stored)
    const next = new Map(pluginFiles.value)
    for (const file of unsaved) {
      const name = pluginNameOfConfigKey(file.key) as string
      next.set(name, readPluginFile(name, null))
    }
    if (unsaved.length) pluginFiles.value = next
  }

  /** The saved files that cannot be read in full and so affect plugin `name`: `config.yaml` and its own file. */
  function invalidFilesOf(name: string): ConfigFileState<unknown>[] {
    const own = pluginFiles.value.get(name)
    return [globalFile.value, own].filter((file) => file !== undefined && file.stored && file.errors.length > 0) as ConfigFileState<unknown>[]
  }

  /** Shows `key` in the Config panel (see {@link selectedKey}), listing a plugin's file first when needed. */
  function select(key: string): void {
    const pluginName = pluginNameOfConfigKey(key)
    selectedKey.value = pluginName === null ? key : addPluginFile(pluginName)
  }

  function loadAll(): void {
    const knownKeys = [...pluginFiles.value.keys()].map(pluginConfigKey)
    for (const key of new Set([...storage.listKeys(), ...knownKeys])) update(key, storage.read(key))
  }

  /** Stores `text` as it is, valid or not; false when storage refused it (the reason is in `saveErrors`). */
  function save(key: string, text: string): boolean {
    try {
      storage.write(key, text)
    } catch (error) {
      if (!(error instanceof ConfigStorageError)) throw error
      saveErrors.value[key] = error.message
      return false
    }
    delete saveErrors.value[key]
    update(key, text)
    return true
  }

  /** Forgets the stored text: the file runs on defaults and offers its default text again. */
  function reset(key: string): void {
    storage.remove(key)
    delete saveErrors.value[key]
    update(key, null)
  }

  /** Lists the file of plugin `name` (its default text until saved); returns the file's storage key. */
  function addPluginFile(name: string): string {
    const key = pluginConfigKey(name)
    if (pluginNameOfConfigKey(key) !== name) throw new Error(`"${name}" cannot have a configuration file of its own`)
    if (!pluginFiles.value.has(name)) update(key, storage.read(key))
    return key
  }

  /** A plugin's `ctx.config`: `plugins.<name>` overlaid by `<name>.yaml`, as a fresh plain copy. */
  function pluginConfig(name: string): Record<string, unknown> {
    return structuredClone(mergedPluginConfig(globalConfig.value, pluginFiles.value.get(name)?.value ?? null, name))
  }

  /** The stored texts of `config.yaml` and `<name>.yaml` by file name: what a Python plugin finds in `~/.strataregula/`. */
  function storedTexts(name: string): Record<string, string> {
    const texts: Record<string, string> = {}
    for (const file of [globalFile.value, pluginFiles.value.get(name)]) {
      if (file?.stored) texts[configFileName(file.key)] = file.text
    }
    return texts
  }

  function minVersion(name: string): string | undefined {
    return minVersionFor(globalConfig.value, pluginFiles.value.get(name)?.value ?? null, name)
  }

  function discovery(pageUrl: string): DiscoverySettings {
    return discoverySettings(globalConfig.value, pageUrl)
  }

  /**
   * Appends `origin` to `discovery.trusted_sources` of `config.yaml`, keeping the rest of the text as written,
   * and saves. Throws a `ConfigEditError` when the stored text cannot be edited (YAML errors, or the setting
   * is not a list) and a `ConfigStorageError` when storage refuses the save; the stored text stays as it was.
   */
  function addTrustedSource(origin: string): void {
    const { appendIn, readGlobalConfigFile } = loadedReader()
    const normalised = new URL(origin).origin
    // The stored text, not this tab's copy of it: the edit must not undo a save just made in another tab.
    const current = readGlobalConfigFile(storage.read(GLOBAL_CONFIG_KEY))
    if (current.value.discovery.trusted_sources.includes(normalised)) return
    const text = appendIn(current.text, ['discovery', 'trusted_sources'], normalised)
    storage.write(GLOBAL_CONFIG_KEY, text)
    update(GLOBAL_CONFIG_KEY, text)
  }

  const ready: Promise<void> = import('../core/config/reader').then((loadedModule) => {
    reader = loadedModule
    loadAll()
    storage.subscribe(({ key, text }) => (key === null ? loadAll() : update(key, text)))
    loaded.value = true
  })

  return {
    loaded,
    ready,
    globalConfig,
    files,
    saveErrors,
    selectedKey,
    select,
    invalidFilesOf,
    check,
    save,
    reset,
    addPluginFile,
    pluginConfig,
    storedTexts,
    minVersion,
    discovery,
    addTrustedSource,
  }
})

/**
 * The browser's storage, or, where the browser refuses access to it (storage disabled by the user), one that
 * holds nothing and refuses every save with the browser's reason: the app then runs on defaults.
 */
function openConfigStorage(): ConfigStorage {
  try {
    return new ConfigStorage(window.localStorage)
  } catch (error) {
    const reason = `browser storage is not available (${errorMessage(error)})`
    return new ConfigStorage(refusingStorage(reason))
  }
}

function refusingStorage(reason: string): Storage {
  return {
    length: 0,
    key: () => null,
    getItem: () => null,
    setItem: () => {
      throw new Error(reason)
    },
    removeItem: () => undefined,
    clear: () => undefined,
  }
}
