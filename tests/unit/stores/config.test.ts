import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ConfigStorageError } from '../../../src/api/configStorage'
import { DEFAULT_GLOBAL_CONFIG_TEXT, defaultGlobalConfig } from '../../../src/core/config/defaults'
import { ConfigEditError } from '../../../src/core/config/edit'
import { GLOBAL_CONFIG_KEY, pluginConfigKey } from '../../../src/core/storageKeys'
import { useConfigStore } from '../../../src/stores/config'
import { MemoryStorage } from '../../support/memoryStorage'

const GLOBAL_KEY = GLOBAL_CONFIG_KEY
const DOE_KEY = pluginConfigKey('doe_runner')

let storage: MemoryStorage
let page: EventTarget

/** The store of a fresh app over `stored` (storage key → text), once it has read the files. */
async function openStore(stored: Record<string, string> = {}) {
  for (const [key, text] of Object.entries(stored)) storage.setItem(key, text)
  setActivePinia(createPinia())
  const config = useConfigStore()
  await config.ready
  return config
}

/** What another tab's change of `key` looks like to this one. */
function changeInAnotherTab(key: string | null, text: string | null): void {
  if (key === null) storage.clear()
  else if (text === null) storage.removeItem(key)
  else storage.setItem(key, text)
  page.dispatchEvent(Object.assign(new Event('storage'), { key, newValue: text, storageArea: storage }))
}

beforeEach(() => {
  storage = new MemoryStorage()
  page = new EventTarget()
  vi.stubGlobal('window', Object.assign(page, { localStorage: storage }))
})

afterEach(() => vi.unstubAllGlobals())

describe('the config store', () => {
  it('runs on the defaults until it has read the stored files, after the first paint', async () => {
    storage.setItem(GLOBAL_KEY, 'discovery:\n  auto_load: false\n')
    setActivePinia(createPinia())
    const config = useConfigStore()
    expect(config.loaded).toBe(false)
    expect(config.globalConfig).toEqual(defaultGlobalConfig())
    expect(() => config.check(GLOBAL_KEY, '')).toThrow('The configuration files have not been read yet')
    await config.ready
    expect(config.loaded).toBe(true)
    expect(config.globalConfig.discovery.auto_load).toBe(false)
  })

  it('lists config.yaml on defaults and every stored plugin file', async () => {
    const config = await openStore({ [DOE_KEY]: 'default_workers: 2\n', unrelated: 'x' })
    expect(config.files.map((file) => [file.key, file.stored])).toEqual([
      [GLOBAL_KEY, false],
      [DOE_KEY, true],
    ])
    expect(config.globalConfig).toEqual(defaultGlobalConfig())
  })

  it('gives each plugin its merged settings as a fresh plain copy', async () => {
    const config = await openStore({
      [GLOBAL_KEY]: 'plugins:\n  doe_runner: {min_version: "1.0.0", nested: {a: 1, b: 2}}\n',
      [DOE_KEY]: 'nested: {b: 3}\n',
    })
    const ctxConfig = config.pluginConfig('doe_runner')
    expect(ctxConfig).toEqual({
      default_workers: 4,
      cache_enabled: true,
      log_level: 'INFO',
      min_version: '1.0.0',
      nested: { a: 1, b: 3 },
    })
    ;(ctxConfig.nested as Record<string, number>).a = 99
    expect(config.pluginConfig('doe_runner')).toMatchObject({ nested: { a: 1, b: 3 } })
    expect(config.minVersion('doe_runner')).toBe('1.0.0')
    expect(config.minVersion('hello')).toBeUndefined()
    expect(config.pluginConfig('hello')).toEqual({})
  })

  it('resolves discovery settings against the page', async () => {
    const config = await openStore({ [GLOBAL_KEY]: 'discovery:\n  auto_load: false\n  plugin_paths: [more/registry.json]\n' })
    expect(config.discovery('https://play.example/app/')).toEqual({
      autoLoad: false,
      pluginPaths: ['https://play.example/app/more/registry.json'],
      trustedSources: [],
    })
  })

  it('saves any text, valid or not, and runs on defaults while it is broken', async () => {
    const config = await openStore()
    expect(config.save(GLOBAL_KEY, 'discovery: [\n')).toBe(true)
    expect(storage.getItem(GLOBAL_KEY)).toBe('discovery: [\n')
    expect(config.files[0]).toMatchObject({ text: 'discovery: [\n', stored: true })
    expect(config.files[0].errors[0]).toMatchObject({ line: 2, column: 1 })
    expect(config.globalConfig).toEqual(defaultGlobalConfig())
  })

  it('keeps the previous text and says why when storage refuses a save', async () => {
    const config = await openStore({ [GLOBAL_KEY]: 'discovery: {auto_load: false}\n' })
    storage.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
    expect(config.save(GLOBAL_KEY, 'discovery: {auto_load: true}\n')).toBe(false)
    expect(config.saveErrors[GLOBAL_KEY]).toBe('Could not save strataregula:config.yaml: browser storage is full (the text is 29 B); nothing was changed')
    expect(config.files[0].text).toBe('discovery: {auto_load: false}\n')
    expect(config.globalConfig.discovery.auto_load).toBe(false)
  })

  it('forgets a file on reset, which then offers its default text', async () => {
    const config = await openStore({ [DOE_KEY]: 'default_workers: 2\n' })
    config.reset(DOE_KEY)
    expect(storage.getItem(DOE_KEY)).toBeNull()
    expect(config.files[1]).toMatchObject({ key: DOE_KEY, stored: false, value: {} })
  })

  it('adds a plugin file that is stored only when saved, and refuses a name that is not a plugin file', async () => {
    const config = await openStore()
    expect(config.addPluginFile('doe_runner')).toBe(DOE_KEY)
    expect(config.files.map((file) => file.key)).toEqual([GLOBAL_KEY, DOE_KEY])
    expect(storage.getItem(DOE_KEY)).toBeNull()
    expect(() => config.addPluginFile('config')).toThrow('"config" cannot have a configuration file of its own')
    expect(() => config.addPluginFile('')).toThrow()
  })

  it('follows changes made in other tabs', async () => {
    const config = await openStore()
    changeInAnotherTab(GLOBAL_KEY, 'plugins:\n  hello: {greeting: hi}\n')
    changeInAnotherTab(DOE_KEY, 'default_workers: 2\n')
    expect(config.pluginConfig('hello')).toEqual({ greeting: 'hi' })
    expect(config.pluginConfig('doe_runner')).toMatchObject({ default_workers: 2 })

    changeInAnotherTab(null, null)
    expect(config.globalConfig).toEqual(defaultGlobalConfig())
    expect(config.files.map((file) => [file.key, file.stored])).toEqual([
      [GLOBAL_KEY, false],
      [DOE_KEY, false],
    ])
  })
})

describe('addTrustedSource', () => {
  it('writes the default text first when config.yaml was never saved', async () => {
    const config = await openStore()
    config.addTrustedSource('https://plugins.example.org/')
    expect(storage.getItem(GLOBAL_KEY)).toBe(DEFAULT_GLOBAL_CONFIG_TEXT.replace('trusted_sources: []', 'trusted_sources: [https://plugins.example.org]'))
    expect(config.discovery('https://play.example/').trustedSources).toEqual(['https://plugins.example.org'])
  })

  it('appends to the list, keeping comments, and adds an origin only once', async () => {
    const text = '# mine\ndiscovery:\n  trusted_sources:\n    - https://a.example # first\n'
    const config = await openStore({ [GLOBAL_KEY]: text })
    config.addTrustedSource('https://b.example')
    config.addTrustedSource('https://b.example/')
    expect(storage.getItem(GLOBAL_KEY)).toBe(`${text}    - https://b.example\n`)
  })

  it('starts from the stored text, not from a copy another tab has since replaced', async () => {
    const config = await openStore({ [GLOBAL_KEY]: 'discovery: {auto_load: false}\n' })
    storage.setItem(GLOBAL_KEY, '# newer\ndiscovery: {auto_load: true}\n')
    config.addTrustedSource('https://b.example')
    expect(storage.getItem(GLOBAL_KEY)).toBe('# newer\ndiscovery: {auto_load: true, trusted_sources: [https://b.example]}\n')
  })

  it('throws, changing nothing, when the text cannot be edited or storage refuses it', async () => {
    const config = await openStore({ [GLOBAL_KEY]: 'discovery: [\n' })
    expect(() => config.addTrustedSource('https://b.example')).toThrow(ConfigEditError)
    expect(storage.getItem(GLOBAL_KEY)).toBe('discovery: [\n')

    storage.setItem(GLOBAL_KEY, 'discovery: {}\n')
    storage.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
    expect(() => config.addTrustedSource('https://b.example')).toThrow(ConfigStorageError)
    expect(storage.getItem(GLOBAL_KEY)).toBe('discovery: {}\n')
  })
})

describe('without browser storage', () => {
  it('runs on defaults and says why nothing can be saved', async () => {
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      },
      addEventListener: () => undefined,
    })
    const config = await openStore()
    expect(config.globalConfig).toEqual(defaultGlobalConfig())
    expect(config.save(GLOBAL_KEY, 'a: 1\n')).toBe(false)
    expect(config.saveErrors[GLOBAL_KEY]).toBe(
      'Could not save strataregula:config.yaml: browser storage is not available (The operation is insecure.); nothing was changed',
    )
  })
})
