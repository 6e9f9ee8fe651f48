import { describe, expect, it, vi } from 'vitest'
import { ConfigStorage, ConfigStorageError, type ConfigStorageChange } from '../../../src/api/configStorage'
import { MemoryStorage } from '../../support/memoryStorage'

function storageEvent(storageArea: Storage, key: string | null, newValue: string | null): Event {
  return Object.assign(new Event('storage'), { key, newValue, storageArea })
}

describe('ConfigStorage', () => {
  it('lists the global file first, then every stored plugin file, and nothing else', () => {
    const storage = new MemoryStorage()
    storage.setItem('strataregula:restaurant_config.yaml', 'a: 1')
    storage.setItem('unrelated', 'x')
    storage.setItem('strataregula:doe_runner.yaml', 'a: 1')
    storage.setItem('strataregula:notes.txt', 'x')
    storage.setItem('strataregula:.yaml', 'x')
    expect(new ConfigStorage(storage, new EventTarget()).listKeys()).toEqual([
      'strataregula:config.yaml',
      'strataregula:doe_runner.yaml',
      'strataregula:restaurant_config.yaml',
    ])
  })

  it('reads null for a file never saved, then the text exactly as written', () => {
    const files = new ConfigStorage(new MemoryStorage(), new EventTarget())
    expect(files.read('strataregula:config.yaml')).toBeNull()
    files.write('strataregula:config.yaml', '# mine\ndiscovery: [\n')
    expect(files.read('strataregula:config.yaml')).toBe('# mine\ndiscovery: [\n')
  })

  it('forgets a file on reset', () => {
    const files = new ConfigStorage(new MemoryStorage(), new EventTarget())
    files.write('strataregula:doe_runner.yaml', 'a: 1')
    files.remove('strataregula:doe_runner.yaml')
    expect(files.read('strataregula:doe_runner.yaml')).toBeNull()
    expect(files.listKeys()).toEqual(['strataregula:config.yaml'])
  })

  it('says the storage is full and keeps the previous text when a save exceeds the quota', () => {
    const files = new ConfigStorage(new MemoryStorage(2000), new EventTarget())
    files.write('strataregula:config.yaml', 'discovery: {}\n')
    const save = () => files.write('strataregula:config.yaml', `a: "${'x'.repeat(3000)}"\n`)
    expect(save).toThrow(ConfigStorageError)
    expect(save).toThrow('Could not save strataregula:config.yaml: browser storage is full (the text is 3.0 KiB); nothing was changed')
    expect(files.read('strataregula:config.yaml')).toBe('discovery: {}\n')
  })

  it('reports any other storage failure with its reason', () => {
    const storage = new MemoryStorage()
    storage.setItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    }
    expect(() => new ConfigStorage(storage, new EventTarget()).write('strataregula:config.yaml', 'a: 1')).toThrow(
      'Could not save strataregula:config.yaml: The operation is insecure.; nothing was changed',
    )
  })

  it('refuses keys that are not configuration files', () => {
    const files = new ConfigStorage(new MemoryStorage(), new EventTarget())
    expect(() => files.write('strataregula-workspace', 'x')).toThrow('Not a configuration file key: strataregula-workspace')
  })

  it('reports changes from other tabs until unsubscribed', () => {
    const storage = new MemoryStorage()
    const events = new EventTarget()
    const changes: ConfigStorageChange[] = []
    const unsubscribe = new ConfigStorage(storage, events).subscribe((change) => changes.push(change))

    events.dispatchEvent(storageEvent(storage, 'strataregula:config.yaml', 'discovery: {}'))
    events.dispatchEvent(storageEvent(storage, 'strataregula:doe_runner.yaml', null))
    events.dispatchEvent(storageEvent(storage, 'unrelated', 'x'))
    events.dispatchEvent(storageEvent(new MemoryStorage(), 'strataregula:config.yaml', 'other storage'))
    events.dispatchEvent(storageEvent(storage, null, null))
    unsubscribe()
    events.dispatchEvent(storageEvent(storage, 'strataregula:config.yaml', 'after'))

    expect(changes).toEqual([
      { key: 'strataregula:config.yaml', text: 'discovery: {}' },
      { key: 'strataregula:doe_runner.yaml', text: null },
      { key: null, text: null },
    ])
  })

  it('defaults to the page’s localStorage and window', () => {
    const storage = new MemoryStorage()
    vi.stubGlobal('window', Object.assign(new EventTarget(), { localStorage: storage }))
    try {
      new ConfigStorage().write('strataregula:config.yaml', 'a: 1')
      expect(storage.getItem('strataregula:config.yaml')).toBe('a: 1')
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
