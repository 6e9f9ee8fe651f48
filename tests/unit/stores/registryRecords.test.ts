import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { computed } from 'vue'
import { GLOBAL_CONFIG_KEY } from '../../../src/core/storageKeys'
import { useRegistryStore } from '../../../src/stores/registry'
import { MemoryStorage } from '../../support/memoryStorage'

const REGISTRY = 'http://playground.test/registry.json'

beforeEach(() => {
  // Listing only: with auto_load off no sandbox starts, so the store runs in Node.
  const storage = new MemoryStorage()
  storage.setItem(GLOBAL_CONFIG_KEY, 'discovery:\n  auto_load: false\n')
  vi.stubGlobal('window', Object.assign(new EventTarget(), { localStorage: storage }))
  vi.stubGlobal('location', new URL('http://playground.test/'))
  const manifest = { name: 'Test', 'entry-points': { 'strataregula.plugins': { hello: './hello.js:Hello' } } }
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/json' } }))
  setActivePinia(createPinia())
})

afterEach(() => vi.unstubAllGlobals())

describe('the registry store', () => {
  it('lets what looked a plugin up before its registry was listed follow the plugin once it is', async () => {
    const registry = useRegistryStore()
    // A shared run's form asks for its plugin's commands while the registry is still being fetched.
    const state = computed(() => registry.record('hello')?.state)
    expect(state.value).toBeUndefined()
    await registry.open([REGISTRY])
    expect(state.value).toBe('listed')
  })
})
