import { describe, expect, it } from 'vitest'
import type { PluginEntry } from '../../../src/core/manifest/types'
import { networkPolicyKey, networkPolicyOf } from '../../../src/core/networkPolicy'

const wheel = (url: string) => ({ url, fileName: url.split('/').pop()! })

describe('networkPolicyOf', () => {
  it.each<[string, PluginEntry, string[]]>([
    [
      'a module beside its manifest',
      { kind: 'module', name: 'a', moduleUrl: 'https://p.example.org/a.js', exportName: 'default', manifestUrl: 'https://p.example.org/r.json' },
      ['https://p.example.org'],
    ],
    [
      'a module elsewhere, and a connect list',
      {
        kind: 'module',
        name: 'a',
        moduleUrl: 'https://cdn.example.net/a.js',
        exportName: 'default',
        manifestUrl: 'https://p.example.org/r.json',
        connect: ['https://api.example.com', 'https://p.example.org'],
      },
      ['https://api.example.com', 'https://cdn.example.net', 'https://p.example.org'],
    ],
    [
      'a Python plugin reaches every wheel it is installed with',
      {
        kind: 'python',
        name: 'p',
        entryPoint: 'p.m:P',
        wheel: wheel('https://w.example.org/p-1-py3-none-any.whl'),
        wheels: [wheel('https://w.example.org/p-1-py3-none-any.whl'), wheel('https://x.example.org/q-1-py3-none-any.whl')],
        manifestUrl: 'https://p.example.org/r.json',
      },
      ['https://p.example.org', 'https://w.example.org', 'https://x.example.org'],
    ],
    ['a local file reaches nothing', { kind: 'module', name: 'a', moduleUrl: 'file:///r/a.js', exportName: 'default', manifestUrl: 'file:///r/r.json' }, []],
  ])('%s', (_, entry, origins) => {
    expect(networkPolicyOf(entry).origins).toEqual(origins)
  })

  it('lets only a plugin whose own code is a data: URL (a local plugin) import data: URLs', () => {
    const local: PluginEntry = {
      kind: 'module',
      name: 'mine',
      moduleUrl: 'data:text/javascript;name=mine.js,export%20default%20{}',
      exportName: 'default',
      manifestUrl: 'local:this-browser',
    }
    expect(networkPolicyOf(local)).toEqual({ origins: [], dataModules: true })
    const hosted: PluginEntry = {
      kind: 'module',
      name: 'a',
      moduleUrl: 'https://p.example.org/a.js',
      exportName: 'default',
      manifestUrl: 'https://p.example.org/r.json',
    }
    expect(networkPolicyOf(hosted).dataModules).toBe(false)
    expect(networkPolicyKey(networkPolicyOf(local))).not.toBe(networkPolicyKey({ origins: [], dataModules: false }))
  })

  it('keys equal policies alike whatever the order they were declared in', () => {
    const base = {
      kind: 'module' as const,
      name: 'a',
      moduleUrl: 'https://p.example.org/a.js',
      exportName: 'default',
      manifestUrl: 'https://p.example.org/r.json',
    }
    expect(networkPolicyKey(networkPolicyOf({ ...base, connect: ['https://b.example', 'https://a.example'] }))).toBe(
      networkPolicyKey(networkPolicyOf({ ...base, connect: ['https://a.example', 'https://b.example'] })),
    )
  })
})
