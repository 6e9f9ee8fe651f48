import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ModulePluginEntry, ParsedManifest } from '../../../src/core/manifest/types'
import { GLOBAL_CONFIG_KEY } from '../../../src/core/storageKeys'
import type { LoadReport } from '../../../src/runtime/pluginRuntime'
import { useConfigStore } from '../../../src/stores/config'
import { useRegistryStore } from '../../../src/stores/registry'
import { MemoryStorage } from '../../support/memoryStorage'

const APP = 'http://playground.test'
const OTHER = 'https://plugins.example'

/** What the fake runtime was asked to do, and the manifests the fake fetch answers with, by URL. */
const world = vi.hoisted(() => ({
  manifests: new Map<string, ParsedManifest>(),
  /** Fetches that wait, by URL, until the promise given settles. */
  held: new Map<string, Promise<void>>(),
  loaded: [] as string[],
  replaced: [] as string[][],
}))

vi.mock('../../../src/api/fetchManifest', () => ({
  fetchManifest: async (url: string) => {
    await world.held.get(url)
    return world.manifests.get(url) ?? { url, entries: [], wheels: [], wheelPaths: [], problems: [] }
  },
}))

vi.mock('../../../src/runtime/pluginRuntime', () => ({
  PluginRuntime: class {
    constructor(private readonly report: LoadReport) {}
    replace(entries: readonly { name: string }[]): void {
      world.replaced.push(entries.map((entry) => entry.name))
    }
    sandbox(): undefined {
      return undefined
    }
    async loadMany(names: readonly string[]): Promise<void> {
      for (const name of names) await this.load(name)
    }
    async load(name: string): Promise<void> {
      world.loaded.push(name)
      this.report(name, { ok: true, loaded: { info: { name, version: '1.0.0' }, commands: ['run'], notes: [] } })
    }
  },
}))

function entry(name: string, origin: string): ModulePluginEntry {
  return { kind: 'module', name, moduleUrl: `${origin}/${name}.js`, exportName: 'default', manifestUrl: `${origin}/registry.json` }
}

function serve(url: string, ...entries: ModulePluginEntry[]): void {
  world.manifests.set(url, { url, entries, wheels: [], wheelPaths: [], problems: [] })
}

let storage: MemoryStorage
let page: EventTarget

/** A fresh app over the stored `config.yaml`, its registry store once the page's registries are open. */
async function openApp(configText?: string, pageUrl = `${APP}/`) {
  if (configText !== undefined) storage.setItem(GLOBAL_CONFIG_KEY, configText)
  vi.stubGlobal('location', new URL(pageUrl))
  setActivePinia(createPinia())
  const registry = useRegistryStore()
  await registry.openPageRegistries()
  return registry
}

function states(registry: ReturnType<typeof useRegistryStore>): Record<string, string> {
  return Object.fromEntries(registry.plugins.map((plugin) => [plugin.name, plugin.state]))
}

/** `config.yaml` saved as the Config panel would. */
function saveConfig(text: string): void {
  useConfigStore().save(GLOBAL_CONFIG_KEY, text)
}

beforeEach(() => {
  world.manifests.clear()
  world.held.clear()
  world.loaded = []
  world.replaced = []
  storage = new MemoryStorage()
  page = new EventTarget()
  vi.stubGlobal('window', Object.assign(page, { localStorage: storage }))
  vi.stubGlobal('history', { state: null, pushState: (_: unknown, __: string, url: string) => vi.stubGlobal('location', new URL(url)) })
  serve(`${APP}/registry.json`, entry('hello', APP), entry('outsider', OTHER))
})

afterEach(() => vi.unstubAllGlobals())

describe('the registry store: consent', () => {
  it('loads the app’s own plugins and holds back those of another origin until the user answers', async () => {
    const registry = await openApp()
    expect(states(registry)).toEqual({ hello: 'ready', outsider: 'awaiting-consent' })
    expect(world.loaded).toEqual(['hello'])
    expect(registry.consentRequests).toEqual([{ origins: [OTHER], plugins: [registry.record('outsider')], reachable: [OTHER] }])
    expect(registry.summary).toBe('2 plugins, 1 loaded, 1 waiting')
  })

  it('allowed once, loads them without trusting the origin for later', async () => {
    const registry = await openApp()
    await registry.answerConsent(registry.consentRequests[0], 'allow-once')
    expect(states(registry)).toEqual({ hello: 'ready', outsider: 'ready' })
    expect(storage.getItem(GLOBAL_CONFIG_KEY)).toBeNull()
    expect(registry.consentError).toBeUndefined()

    const reopened = await openApp()
    expect(states(reopened)).toEqual({ hello: 'ready', outsider: 'awaiting-consent' })
  })

  it('trusted, adds the origin to discovery.trusted_sources, keeping the rest of config.yaml, and loads them', async () => {
    const registry = await openApp('# mine\ndiscovery:\n  trusted_sources: []\n')
    await registry.answerConsent(registry.consentRequests[0], 'trust')
    expect(states(registry)).toEqual({ hello: 'ready', outsider: 'ready' })
    expect(storage.getItem(GLOBAL_CONFIG_KEY)).toBe(`# mine\ndiscovery:\n  trusted_sources: [${OTHER}]\n`)
    expect(registry.consentRequests).toEqual([])

    const reopened = await openApp()
    expect(states(reopened)).toEqual({ hello: 'ready', outsider: 'ready' })
  })

  it('trusted while config.yaml cannot be edited, loads them this time and says why it was not kept', async () => {
    const registry = await openApp('discovery:\n  trusted_sources: nobody\n')
    await registry.answerConsent(registry.consentRequests[0], 'trust')
    expect(states(registry)).toEqual({ hello: 'ready', outsider: 'ready' })
    expect(registry.consentError).toMatch(new RegExp(`^Allowed this time, but ${OTHER} could not be added to discovery.trusted_sources: .+`))
    expect(storage.getItem(GLOBAL_CONFIG_KEY)).toBe('discovery:\n  trusted_sources: nobody\n')
  })

  it('declined, leaves them unloaded and asks no more', async () => {
    const registry = await openApp()
    await registry.answerConsent(registry.consentRequests[0], 'decline')
    expect(states(registry)).toEqual({ hello: 'ready', outsider: 'declined' })
    expect(world.loaded).toEqual(['hello'])
    expect(registry.consentRequests).toEqual([])
  })

  it('an origin trusted in the Config panel while the question is open loads its plugins at once', async () => {
    const registry = await openApp()
    saveConfig(`discovery:\n  trusted_sources: ['${OTHER}']\n`)
    await vi.waitFor(() => expect(states(registry)).toEqual({ hello: 'ready', outsider: 'ready' }))
  })
})

describe('the registry store: discovery', () => {
  it('opens discovery.plugin_paths beside the page’s registries, resolved against the page', async () => {
    serve(`${APP}/more/registry.json`, entry('extra', APP))
    const registry = await openApp('discovery:\n  plugin_paths: [more/registry.json]\n')
    expect(registry.openedUrls).toEqual([`${APP}/registry.json`, `${APP}/more/registry.json`])
    expect(states(registry)).toEqual({ hello: 'ready', outsider: 'awaiting-consent', extra: 'ready' })
  })

  it('with auto_load false lists the plugins without loading them, and loads them once it is turned on', async () => {
    const registry = await openApp('discovery:\n  auto_load: false\n')
    expect(states(registry)).toEqual({ hello: 'listed', outsider: 'awaiting-consent' })
    expect(world.loaded).toEqual([])

    saveConfig('discovery:\n  auto_load: true\n')
    await vi.waitFor(() => expect(states(registry)).toEqual({ hello: 'ready', outsider: 'awaiting-consent' }))
  })

  it('reopens the registries when plugin_paths change, and drops those no longer listed', async () => {
    serve(`${APP}/more/registry.json`, entry('extra', APP))
    const registry = await openApp()
    saveConfig('discovery:\n  plugin_paths: [more/registry.json]\n')
    await vi.waitFor(() => expect(registry.record('extra')?.state).toBe('ready'))

    saveConfig('discovery:\n  plugin_paths: []\n')
    await vi.waitFor(() => expect(registry.record('extra')).toBeUndefined())
    expect(registry.openedUrls).toEqual([`${APP}/registry.json`])
  })

  it('keeps the latest opening when an earlier one answers last', async () => {
    serve(`${OTHER}/slow.json`, entry('slow', OTHER))
    serve(`${APP}/fast.json`, entry('fast', APP))
    vi.stubGlobal('location', new URL(`${APP}/`))
    setActivePinia(createPinia())
    const registry = useRegistryStore()
    let answerSlow = () => {}
    world.held.set(`${OTHER}/slow.json`, new Promise((resolve) => (answerSlow = resolve)))
    const slow = registry.open([`${OTHER}/slow.json`])
    await registry.open([`${APP}/fast.json`])
    answerSlow()
    await slow
    expect(registry.plugins.map((plugin) => plugin.name)).toEqual(['fast'])
    expect(registry.openedUrls).toEqual([`${APP}/fast.json`])
  })

  it('opens an added registry and goes back to the bundled one from the page', async () => {
    serve(`${OTHER}/registry.json`, entry('remote', OTHER))
    const registry = await openApp()
    await registry.addPageRegistry(`${OTHER}/registry.json`)
    expect(location.search).toBe(`?registry=${encodeURIComponent(`${OTHER}/registry.json`)}`)
    expect(registry.usesBundledRegistry).toBe(false)
    expect(states(registry)).toEqual({ remote: 'awaiting-consent' })

    await registry.useBundledRegistry()
    expect(location.search).toBe('')
    expect(registry.usesBundledRegistry).toBe(true)
    expect(states(registry)).toEqual({ hello: 'ready', outsider: 'awaiting-consent' })
  })

  it('does not open the page’s registries again when they are the ones open', async () => {
    const registry = await openApp()
    await registry.openPageRegistries()
    expect(world.replaced).toEqual([['hello', 'outsider']])
  })
})
