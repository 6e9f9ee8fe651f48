import { describe, expect, it } from 'vitest'
import {
  LOCAL_REGISTRY_URL,
  localModuleFileName,
  localModuleUrl,
  localPluginEntry,
  localRegistry,
  localSourceProblem,
  moduleLabel,
  readStoredLocalPlugins,
  registryLabel,
  withLocalPlugin,
  type LocalPlugin,
} from '../../../src/core/localPlugins'
import { localPluginExport } from '../../../src/core/localPluginExport'
import { mergeManifests } from '../../../src/core/manifest/mergeManifests'
import { parseManifest } from '../../../src/core/manifest/parseManifest'
import { untrustedOrigins } from '../../../src/core/trust'

const greeter: LocalPlugin = { name: 'greeter', fileName: 'my greeter.js', exportName: 'Greeter', source: 'export class Greeter {}\n// 100% ok, #1' }

describe('localSourceProblem', () => {
  it.each([
    ['plugin.js', 'export default {}', undefined],
    ['plugin.MJS', 'export default {}', undefined],
    ['notes.txt', 'export default {}', 'notes.txt is not a JavaScript module (a .js or .mjs file)'],
    ['empty.js', ' \n', 'empty.js is empty'],
    ['huge.js', 'x'.repeat(256 * 1024 + 1), 'huge.js is 256.1 KiB, over the 256 KiB a local plugin may have; host it and open its registry instead'],
  ])('%s', (fileName, source, problem) => {
    expect(localSourceProblem(fileName, source)).toBe(problem)
  })

  it('counts the size in UTF-8 bytes', () => {
    expect(localSourceProblem('wide.js', 'é'.repeat(128 * 1024))).toBeUndefined()
    expect(localSourceProblem('wide.js', 'é'.repeat(128 * 1024 + 1))).toBe(
      'wide.js is 256.1 KiB, over the 256 KiB a local plugin may have; host it and open its registry instead',
    )
  })
})

describe('local module URLs', () => {
  it('carry the source and the file name, which load errors show in place of the source', () => {
    const url = localModuleUrl(greeter.fileName, greeter.source)
    expect(url.startsWith('data:text/javascript;name=my%20greeter.js,')).toBe(true)
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(greeter.source)
    expect(localModuleFileName(url)).toBe('my greeter.js')
    expect(moduleLabel(url)).toBe('local module my greeter.js')
    expect(moduleLabel('https://plugins.example/a.js')).toBe('https://plugins.example/a.js')
    expect(localModuleFileName('https://plugins.example/a.js')).toBeUndefined()
  })
})

describe('the local registry', () => {
  it('is absent without local plugins', () => {
    expect(localRegistry([])).toEqual([])
  })

  it('comes last, so a local plugin shadows a registry plugin of the same name', () => {
    const bundled = parseManifest(
      JSON.stringify({ 'entry-points': { 'strataregula.plugins': { greeter: './g.js', other: './o.js' } } }),
      'https://play.example/registry.json',
    )
    const merged = mergeManifests([bundled, ...localRegistry([greeter])])
    expect(merged.entries.map((entry) => [entry.name, entry.manifestUrl])).toEqual([
      ['greeter', LOCAL_REGISTRY_URL],
      ['other', 'https://play.example/registry.json'],
    ])
    expect(merged.shadowings).toEqual([{ name: 'greeter', shadowedManifestUrl: 'https://play.example/registry.json', winnerManifestUrl: LOCAL_REGISTRY_URL }])
    expect(registryLabel(LOCAL_REGISTRY_URL)).toBe('Local plugins')
    expect(registryLabel('https://play.example/registry.json')).toBe('https://play.example/registry.json')
  })

  it('needs no consent: the user put the code there', () => {
    expect(untrustedOrigins(localPluginEntry(greeter), 'https://play.example', [])).toEqual([])
  })

  it('replaces a local plugin of the same name in place, else adds at the end', () => {
    const other = { ...greeter, name: 'other' }
    const edited = { ...greeter, source: 'export class Greeter { get_info() {} }' }
    expect(withLocalPlugin([greeter, other], edited)).toEqual([edited, other])
    expect(withLocalPlugin([other], greeter)).toEqual([other, greeter])
  })
})

describe('readStoredLocalPlugins', () => {
  it('reads what was stored and leaves out what has the wrong shape', () => {
    const text = JSON.stringify([greeter, { name: 'x' }, null, { ...greeter, name: 'second', source: 5 }])
    expect(readStoredLocalPlugins(text)).toEqual([greeter])
  })

  it.each([null, '', 'not json', '{"name":"x"}'])('reads %j as none', (text) => {
    expect(readStoredLocalPlugins(text)).toEqual([])
  })
})

describe('localPluginExport', () => {
  it.each([
    ['export default class {}', 'default'],
    ['export class HelloPlugin {}\nexport const helper = 1', 'HelloPlugin'],
    ['const plugin = {}\nexport { plugin as default, plugin }', 'default'],
    ['export function create_plugin() { return {} }', 'create_plugin'],
    ['const nothing = 1', 'default'],
    ['export class {', 'default'],
  ])('%j → %s', async (source, exportName) => {
    expect(await localPluginExport(source)).toBe(exportName)
  })
})
