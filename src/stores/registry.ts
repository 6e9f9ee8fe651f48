import { defineStore } from 'pinia'
import { computed, ref, shallowReactive, shallowRef, watch } from 'vue'
import { PageStateStorage } from '../api/configStorage'
import { fetchManifest } from '../api/fetchManifest'
import type { checkCompatibility, Compatibility } from '../core/compatibility'
import { errorMessage } from '../core/errorMessage'
import { loadFailureMessage } from '../core/hostOutcomes'
import {
  isLocalEntry,
  localPluginEntry,
  localRegistry,
  localSourceProblem,
  readStoredLocalPlugins,
  withLocalPlugin,
  type LocalPlugin,
} from '../core/localPlugins'
import type { LocalWheel } from '../core/localWheels'
import { pluginNameProblem } from '../core/manifest/pluginName'
import { LatestRequest } from '../core/latestRequest'
import { mergeManifests, type Shadowing } from '../core/manifest/mergeManifests'
import { defaultRegistryUrl, registryUrlsFromPage, withBundledRegistry, withRegistryAdded } from '../core/registryUrls'
import type { ParsedManifest, PluginEntry } from '../core/manifest/types'
import type { PluginInfo } from '../core/pluginContract'
import { countPlugins, normalizedFilter, pluginFacts, pluginSearchText, pluginSummaryText, startsOnFirstUse, type LoadState } from '../core/pluginListing'
import { networkPolicyOf } from '../core/networkPolicy'
import { LOCAL_PLUGINS_KEY } from '../core/storageKeys'
import { mapInSlices, nextTask } from '../core/taskSlices'
import { untrustedOrigins } from '../core/trust'
import { PluginLoadError, type LoadOutcome } from '../runtime/pluginSandbox'
import { PluginRuntime } from '../runtime/pluginRuntime'
import type { Sandbox } from '../runtime/sandboxKinds'
import type { LoadStage } from '../runtime/protocol'
import { useConfigStore } from './config'

export type { LoadState } from '../core/pluginListing'

export interface PluginRecord {
  name: string
  entry: PluginEntry
  state: LoadState
  info?: PluginInfo
  commands: string[]
  /** Where the current load is (downloading the Python runtime, starting Python, …). */
  loadStage?: LoadStage
  /** What was ignored in the plugin's description of itself, e.g. malformed command help. */
  notes?: string[]
  /** `Failed to load plugin <name>: <reason>` when the load failed. */
  error?: string
}

export interface ConsentRequest {
  /** The origins the user is asked to run code from. */
  origins: string[]
  /** Every origin these plugins may load scripts from or send requests to, once allowed (their network policy). */
  reachable: string[]
  plugins: PluginRecord[]
}

/** One answer for every compatible plugin, so that a card whose plugin is compatible is not drawn again for a new one. */
const COMPATIBLE: Compatibility = Object.freeze({ compatible: true })

/** Registries in use, the plugins they declare, and each plugin's sandbox and load state. */
export const useRegistryStore = defineStore('registry', () => {
  const config = useConfigStore()
  /** The registries the page asked for (`?registry=` or the bundled one). */
  const registryUrls = ref<string[]>([])
  /** Every registry in use: the page's and `discovery.plugin_paths`. */
  const openedUrls = ref<string[]>([])
  const openings = new LatestRequest()
  const manifests = ref<ParsedManifest[]>([])
  const shadowings = ref<Shadowing[]>([])
  /**
   * Every plugin's record, in registry order. Shallow all the way: a registry may list thousands, and the
   * panels follow a record's own fields (`shallowReactive`, see `newRecord`), never what its info holds.
   */
  const plugins = shallowRef<PluginRecord[]>([])
  const loadingManifests = ref(false)
  const runtime = new PluginRuntime(recordLoad, { reportStage: recordStage })
  /**
   * Records by name, for the runtime's reports (a registry may list thousands). A ref, so that what looks a
   * plugin up before its registry is listed (a shared run's form, say) follows when the records arrive.
   */
  const recordsByName = shallowRef(new Map<string, PluginRecord>())
  const consentError = ref<string | undefined>()
  /** semver's check, loaded with the stored settings (which hold the min_versions) after the first paint. */
  let checkVersion: typeof checkCompatibility | undefined
  const settingsRead = Promise.all([
    config.ready,
    import('../core/compatibility').then((loaded) => {
      checkVersion = loaded.checkCompatibility
    }),
  ])
  /** The Plugins panel's `Filter plugins` text. */
  const filterText = ref('')
  const pageState = new PageStateStorage()
  /** Plugins dropped or pasted on the Plugins panel, kept in this browser until removed; merged after every registry. */
  const localPlugins = ref<LocalPlugin[]>(readStoredLocalPlugins(pageState.read(LOCAL_PLUGINS_KEY)))
  /** Why the last local plugin could not be added, kept or removed. */
  const localError = ref<string | undefined>()
  const addingLocal = ref(false)
  // Its code loads after the first paint: the page shows before the stored wheels are read.
  const wheelStorage = import('../api/localWheelStorage').then(({ LocalWheelStorage }) => new LocalWheelStorage())
  /** Wheels dropped on the Plugins panel (their plugins are local plugins), kept in IndexedDB until removed. */
  const localWheels = shallowRef<LocalWheel[]>([])
  const localWheelsRead = wheelStorage
    .then((storage) => storage.read())
    .then((wheels) => {
      localWheels.value = wheels
    })
  /** A registry opened from a link's hash (`#manifest=`), used after the page's registries. */
  const sharedManifest = ref<ParsedManifest | undefined>()

  /** `<N> plugins, <L> loaded` plus failed and waiting ones (spec §6). */
  const summary = computed(() => pluginSummaryText(countPlugins(plugins.value.map((plugin) => plugin.state))))
  /** What the filter looks through, per record: made again only when the record's info changes (it loads). */
  const searchTextCache = new WeakMap<PluginRecord, { info: PluginInfo | undefined; text: string }>()
  function searchTextOf(plugin: PluginRecord): string {
    const cached = searchTextCache.get(plugin)
    if (cached && cached.info === plugin.info) return cached.text
    const text = pluginSearchText(pluginFacts(plugin.entry, plugin.info))
    searchTextCache.set(plugin, { info: plugin.info, text })
    return text
  }
  const searchTexts = computed(() => plugins.value.map(searchTextOf))
  /** The plugins the filter keeps, in registry order. */
  const filteredPlugins = computed(() => {
    const needle = normalizedFilter(filterText.value)
    if (needle === '') return plugins.value
    const texts = searchTexts.value
    return plugins.value.filter((_, index) => texts[index].includes(needle))
  })

  /** The plugins waiting for the user's answer, grouped by the untrusted origins they involve. */
  const consentRequests = computed<ConsentRequest[]>(() => {
    const trusted = config.discovery(location.href).trustedSources
    const byOrigins = new Map<string, ConsentRequest>()
    for (const plugin of plugins.value) {
      if (plugin.state !== 'awaiting-consent') continue
      const origins = untrustedOrigins(plugin.entry, location.origin, trusted)
      const key = origins.join(' ')
      const request = byOrigins.get(key) ?? { origins, reachable: [], plugins: [] }
      request.plugins.push(plugin)
      request.reachable = [...new Set([...request.reachable, ...networkPolicyOf(plugin.entry).origins])].sort()
      byOrigins.set(key, request)
    }
    return [...byOrigins.values()]
  })

  function needsConsent(entry: PluginEntry, trustedSources: readonly string[]): boolean {
    return untrustedOrigins(entry, location.origin, trustedSources).length > 0
  }

  function record(name: string): PluginRecord | undefined {
    return recordsByName.value.get(name)
  }

  function sandboxFor(name: string): Sandbox | undefined {
    return runtime.sandbox(name)
  }

  /** `check_plugin_compatibility` against `plugins.<name>.min_version`. */
  function compatibility(name: string): Compatibility {
    const minVersion = config.minVersion(name)
    // Before the settings are read there is no plugin and no min_version to check.
    if (minVersion === undefined || !checkVersion) return COMPATIBLE
    const plugin = record(name)
    const compatibility = checkVersion(plugin?.info?.version ?? plugin?.entry.version, minVersion)
    return compatibility.compatible ? COMPATIBLE : compatibility
  }

  /** Opens the page's registries plus `discovery.plugin_paths`, then loads what may be loaded. */
  async function open(pageRegistryUrls: string[]): Promise<void> {
    const isLatest = openings.begin()
    registryUrls.value = pageRegistryUrls
    loadingManifests.value = true
    // The stored settings add registries and trusted origins.
    await Promise.all([settingsRead, localWheelsRead])
    const discovery = config.discovery(location.href)
    const urls = [...new Set([...pageRegistryUrls, ...discovery.pluginPaths])]
    const fetched = await Promise.all(urls.map((url) => fetchManifest(url)))
    const shared = sharedManifest.value
    if (shared) fetched.push(await (await import('../api/fetchWheels')).fetchWheelPlugins(shared))
    const local = await localRegistries()
    // A later opening (settings changed meanwhile) has replaced this one.
    if (!isLatest()) return
    openedUrls.value = urls
    manifests.value = fetched
    const merged = mergeManifests([...manifests.value, ...local])
    shadowings.value = merged.shadowings
    runtime.replace(merged.entries)
    const records = await mapInSlices(merged.entries, (entry) => newRecord(entry, discovery.trustedSources))
    if (!isLatest()) return
    plugins.value = records
    recordsByName.value = new Map(records.map((plugin) => [plugin.name, plugin]))
    loadingManifests.value = false
    // The panel draws the list in a task of its own before the plugins start loading.
    await nextTask()
    if (isLatest()) await loadListed(discovery.autoLoad)
  }

  function newRecord(entry: PluginEntry, trustedSources: readonly string[]): PluginRecord {
    return shallowReactive({ name: entry.name, entry, state: needsConsent(entry, trustedSources) ? 'awaiting-consent' : 'listed', commands: [] })
  }

  /**
   * Tries `source` as a local plugin: it is loaded once to learn its name from `get_info()`, then kept in this
   * browser and listed. A local plugin of the same name is replaced: its sandbox is destroyed before the new
   * version loads. Nothing is kept when it cannot load or be stored (`localError` says why).
   */
  async function addLocalPlugin(fileName: string, source: string): Promise<boolean> {
    localError.value = localSourceProblem(fileName, source)
    if (localError.value) return false
    addingLocal.value = true
    try {
      const { localPluginExport } = await import('../core/localPluginExport')
      const exportName = await localPluginExport(source)
      const { info } = await runtime.describeAlone(localPluginEntry({ name: fileName, fileName, exportName, source }))
      const nameProblem = pluginNameProblem(info.name)
      if (nameProblem) throw new Error(nameProblem)
      const refusal = storeLocalPlugins(withLocalPlugin(localPlugins.value, { name: info.name, fileName, exportName, source }))
      if (refusal) throw new Error(`this browser refused to keep it: ${refusal}`)
      await replaceMerged([info.name])
      return true
    } catch (error) {
      localError.value = `Could not add ${fileName}: ${error instanceof PluginLoadError ? error.reason : errorMessage(error)}`
      return false
    } finally {
      addingLocal.value = false
    }
  }

  /**
   * Tries a Python wheel as local plugins: the plugins its entry_points.txt declares are listed (Python starts
   * when one is first used, as for a registry's wheel) and the wheel is kept in this browser. It replaces a
   * local wheel of the same file name or declaring any of the same plugins (an older version). Nothing is
   * kept when it cannot be read or stored (`localError` says why).
   */
  async function addLocalWheel(fileName: string, bytes: Uint8Array): Promise<boolean> {
    addingLocal.value = true
    try {
      const { localWheelProblem, localWheelPluginNames } = await import('../core/localWheels')
      localError.value = localWheelProblem(fileName, bytes.byteLength)
      if (localError.value) return false
      const wheel = { fileName, bytes }
      const names = localWheelPluginNames(wheel)
      const replaced = localWheels.value.filter((kept) => kept.fileName === fileName || localWheelNames(kept.fileName).some((name) => names.includes(name)))
      await (
        await wheelStorage
      ).write(
        [wheel],
        replaced.map((kept) => kept.fileName).filter((kept) => kept !== fileName),
      )
      localWheels.value = [...localWheels.value.filter((kept) => !replaced.includes(kept)), wheel]
      await replaceMerged([...new Set([...names, ...replaced.flatMap((kept) => localWheelNames(kept.fileName))])])
      return true
    } catch (error) {
      localError.value = `Could not add ${fileName}: ${errorMessage(error)}`
      return false
    } finally {
      addingLocal.value = false
    }
  }

  /** Forgets a local plugin; a registry plugin it shadowed comes back. A local wheel's plugin goes with its whole wheel. */
  async function removeLocalPlugin(name: string): Promise<void> {
    const entry = record(name)?.entry
    if (entry?.kind === 'python' && isLocalEntry(entry)) return removeLocalWheel(entry.wheel.fileName)
    const refusal = storeLocalPlugins(localPlugins.value.filter((plugin) => plugin.name !== name))
    localError.value = refusal && `Could not remove ${name}: this browser refused to keep the change: ${refusal}`
    if (!refusal) await replaceMerged([name])
  }

  async function removeLocalWheel(fileName: string): Promise<void> {
    const names = localWheelNames(fileName)
    try {
      await (await wheelStorage).write([], [fileName])
    } catch (error) {
      localError.value = `Could not remove ${fileName}: ${errorMessage(error)}`
      return
    }
    localError.value = undefined
    localWheels.value = localWheels.value.filter((kept) => kept.fileName !== fileName)
    await replaceMerged(names)
  }

  /** The plugins listed from the local wheel `fileName`. */
  function localWheelNames(fileName: string): string[] {
    return plugins.value.filter(({ entry }) => entry.kind === 'python' && isLocalEntry(entry) && entry.wheel.fileName === fileName).map(({ name }) => name)
  }

  /** The local plugins' registry, with the plugins of the local wheels (reading those loads an unzip library). */
  async function localRegistries(): Promise<ParsedManifest[]> {
    if (localWheels.value.length === 0) return localRegistry(localPlugins.value)
    const { localRegistryWithWheels } = await import('../core/localWheels')
    return [localRegistryWithWheels(localPlugins.value, localWheels.value)]
  }

  /** Keeps `next` in the browser's storage, then uses it; when the browser refuses, its reason, and nothing changed. */
  function storeLocalPlugins(next: LocalPlugin[]): string | undefined {
    const refusal = pageState.write(LOCAL_PLUGINS_KEY, JSON.stringify(next))
    if (!refusal) localPlugins.value = next
    return refusal
  }

  /** Merges again after the local plugins `names` changed: only those names' sandboxes and records are replaced. */
  async function replaceMerged(names: readonly string[]): Promise<void> {
    // An opening under way merges the local plugins itself.
    if (loadingManifests.value) return
    const local = await localRegistries()
    if (loadingManifests.value) return
    const discovery = config.discovery(location.href)
    const merged = mergeManifests([...manifests.value, ...local])
    shadowings.value = merged.shadowings
    for (const name of names)
      runtime.replaceOne(
        name,
        merged.entries.find((candidate) => candidate.name === name),
      )
    const before = recordsByName.value
    plugins.value = merged.entries.map((candidate) =>
      names.includes(candidate.name) ? newRecord(candidate, discovery.trustedSources) : before.get(candidate.name)!,
    )
    recordsByName.value = new Map(plugins.value.map((plugin) => [plugin.name, plugin]))
    // A local plugin was just added by the user: it loads whatever auto_load says, but Python starts on first use.
    const toLoad = names.filter((name) => {
      const plugin = record(name)
      return plugin?.state === 'listed' && !startsOnFirstUse(plugin.entry) && (discovery.autoLoad || isLocalEntry(plugin.entry))
    })
    await Promise.all(toLoad.map(load))
  }

  /** Uses the registry a link carried beside the page's registries, with the consent rules of any other registry. */
  function openSharedManifest(manifest: ParsedManifest): Promise<void> {
    sharedManifest.value = manifest
    // An opening under way reads it when its manifests have arrived.
    return loadingManifests.value ? Promise.resolve() : open(registryUrls.value)
  }

  /** True when the page shows the bundled registry only. */
  const usesBundledRegistry = computed(() => registryUrls.value.length === 1 && registryUrls.value[0] === defaultRegistryUrl(location.href))

  /** Opens the registries of the page's address (`?registry=`), unless they are the ones open. */
  async function openPageRegistries(): Promise<void> {
    const urls = registryUrlsFromPage(location.href)
    if (openings.started && urls.join('\n') === registryUrls.value.join('\n')) return
    await open(urls)
  }

  /** Adds a registry to the page's `?registry=` (a new history entry) and opens the page's registries. */
  function addPageRegistry(url: string): Promise<void> {
    history.pushState(history.state, '', withRegistryAdded(location.href, url))
    return openPageRegistries()
  }

  /** Drops the page's `?registry=` (a new history entry): back to the bundled registry. */
  function useBundledRegistry(): Promise<void> {
    history.pushState(history.state, '', withBundledRegistry(location.href))
    return openPageRegistries()
  }

  /** Loads every plugin that is only listed, when auto_load allows it. */
  async function loadListed(autoLoad: boolean): Promise<void> {
    if (!autoLoad) return
    await loadAll(plugins.value.filter((plugin) => plugin.state === 'listed'))
  }

  /** Loads many plugins at once, the fast way (see `PluginRuntime.loadMany`); those that start on first use stay listed. */
  async function loadAll(candidates: PluginRecord[]): Promise<void> {
    const chosen = candidates.filter((plugin) => !startsOnFirstUse(plugin.entry))
    await mapInSlices(chosen, (plugin) => Object.assign(plugin, { state: 'loading', error: undefined }))
    await runtime.loadMany(chosen.map((plugin) => plugin.name))
  }

  /** The user's answer to a request: allow its plugins (once, or its origins from now on), or leave them unloaded. */
  async function answerConsent(request: ConsentRequest, answer: 'allow-once' | 'trust' | 'decline'): Promise<void> {
    consentError.value = undefined
    if (answer === 'trust') {
      for (const origin of request.origins) {
        try {
          config.addTrustedSource(origin)
        } catch (error) {
          consentError.value = `Allowed this time, but ${origin} could not be added to discovery.trusted_sources: ${errorMessage(error)}`
        }
      }
    }
    for (const plugin of request.plugins) {
      if (plugin.state === 'awaiting-consent') plugin.state = answer === 'decline' ? 'declined' : 'listed'
    }
    if (answer !== 'decline') await loadListed(config.discovery(location.href).autoLoad)
  }

  async function load(name: string): Promise<void> {
    const plugin = record(name)
    if (!plugin) return
    plugin.state = 'loading'
    plugin.error = undefined
    // How it ends is recorded by `recordLoad`, reloads included.
    await runtime.load(name)
  }

  /** Starts a plugin that starts on first use (a Python one) when it is only listed; resolves once its load ends. */
  async function startOnUse(name: string): Promise<void> {
    const plugin = record(name)
    if (plugin?.state === 'listed' && startsOnFirstUse(plugin.entry)) await load(name)
  }

  /** Every load's outcome, reported by the runtime, into the plugin's record. */
  function recordLoad(name: string, outcome: LoadOutcome): void {
    const plugin = record(name)
    if (!plugin) return
    if (outcome.ok) {
      Object.assign(plugin, {
        info: outcome.loaded.info,
        commands: outcome.loaded.commands,
        notes: outcome.loaded.notes,
        state: 'ready',
        error: undefined,
        loadStage: undefined,
      })
    } else {
      Object.assign(plugin, { state: 'failed', error: loadFailureMessage(name, outcome.reason), loadStage: undefined })
    }
  }

  /** Where a plugin's load is, as its sandbox reports it. */
  function recordStage(name: string, stage: LoadStage): void {
    const plugin = record(name)
    if (plugin) plugin.loadStage = stage
  }

  // Settings edited in the Config panel (or another tab) take effect at once.
  watch(
    () => (config.loaded ? config.discovery(location.href) : undefined),
    (now, before) => {
      // The first reading of the stored settings is no change: `open` waits for it.
      if (!now || !before) return
      if (now.pluginPaths.join('\n') !== before.pluginPaths.join('\n')) return void open(registryUrls.value)
      const newlyTrusted = plugins.value.filter((plugin) => plugin.state === 'awaiting-consent' && !needsConsent(plugin.entry, now.trustedSources))
      for (const plugin of newlyTrusted) plugin.state = 'listed'
      if (!now.autoLoad) return
      const toLoad = before.autoLoad ? newlyTrusted : plugins.value.filter((plugin) => plugin.state === 'listed')
      void loadAll(toLoad)
    },
  )

  return {
    registryUrls,
    openedUrls,
    manifests,
    shadowings,
    plugins,
    loadingManifests,
    consentRequests,
    consentError,
    filterText,
    summary,
    filteredPlugins,
    record,
    sandboxFor,
    compatibility,
    usesBundledRegistry,
    open,
    openPageRegistries,
    addPageRegistry,
    useBundledRegistry,
    load,
    startOnUse,
    answerConsent,
    localPlugins,
    localError,
    addingLocal,
    addLocalPlugin,
    addLocalWheel,
    removeLocalPlugin,
    openSharedManifest,
  }
})
