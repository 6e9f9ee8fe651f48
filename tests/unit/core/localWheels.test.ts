import { zipSync, strToU8 } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildProjectWheels } from '../../../scripts/build-wheels.mjs'
import { isLocalEntry, LOCAL_REGISTRY_URL } from '../../../src/core/localPlugins'
import { localRegistryWithWheels, localWheelPluginNames, localWheelProblem, type LocalWheel } from '../../../src/core/localWheels'
import type { PythonPluginEntry } from '../../../src/core/manifest/types'
import { networkPolicyOf } from '../../../src/core/networkPolicy'
import { untrustedOrigins } from '../../../src/core/trust'
import { downloadWheels } from '../../../src/runtime/python/installWheels'

const greeter = { name: 'greeter', fileName: 'greeter.js', exportName: 'Greeter', source: 'export class Greeter {}' }
let helloPy: LocalWheel
let patternExpander: LocalWheel

beforeAll(async () => {
  const [hello, expander] = await buildProjectWheels()
  helloPy = hello
  patternExpander = expander
})

describe('localWheelProblem', () => {
  it.each([
    ['demo-1.0-py3-none-any.whl', 10, undefined],
    [
      'native-1.0-cp312-cp312-linux_x86_64.whl',
      10,
      'native-1.0-cp312-cp312-linux_x86_64.whl: not a pure-Python wheel: "native-1.0-cp312-cp312-linux_x86_64.whl" (…-none-any.whl expected)',
    ],
    ['plugin.whl', 10, 'plugin.whl: not a wheel file name: "plugin.whl" (name-version-python-abi-platform.whl expected)'],
    [
      'huge-1.0-py3-none-any.whl',
      64 * 1024 * 1024 + 1,
      'huge-1.0-py3-none-any.whl is 64.1 MiB, over the 64 MiB a local wheel may have; host it and list it under "wheels" in a registry instead',
    ],
  ])('%s', (fileName, size, problem) => {
    expect(localWheelProblem(fileName, size)).toBe(problem)
  })
})

describe('the plugins of a local wheel', () => {
  it('are the entries of its entry_points.txt', () => {
    expect(localWheelPluginNames(helloPy)).toEqual(['hello_py'])
  })

  it('cannot be read from a file that is not a zip archive', () => {
    expect(() => localWheelPluginNames({ fileName: 'demo-1.0-py3-none-any.whl', bytes: strToU8('PK') })).toThrow(/^not a zip archive \(/)
  })

  it('must be there', () => {
    const bytes = zipSync({ 'empty-1.0.dist-info/METADATA': strToU8('Metadata-Version: 2.1\nName: empty\nVersion: 1.0\n') })
    expect(() => localWheelPluginNames({ fileName: 'empty-1.0-py3-none-any.whl', bytes })).toThrow(
      'it declares no plugin: its entry_points.txt has no "strataregula.plugins" entry',
    )
  })
})

describe('the local registry with wheels', () => {
  it('lists the local modules, then the plugins of every local wheel, installed together and carrying their bytes', () => {
    const manifest = localRegistryWithWheels([greeter], [helloPy, patternExpander])
    expect(manifest.problems).toEqual([])
    expect(manifest.entries.map((entry) => [entry.name, entry.kind, entry.manifestUrl])).toEqual([
      ['greeter', 'module', LOCAL_REGISTRY_URL],
      ['hello_py', 'python', LOCAL_REGISTRY_URL],
      ['pattern_expander', 'python', LOCAL_REGISTRY_URL],
    ])
    const [, hello, expander] = manifest.entries as [unknown, PythonPluginEntry, PythonPluginEntry]
    expect(hello.wheel).toEqual({ url: `${LOCAL_REGISTRY_URL}/${helloPy.fileName}`, fileName: helloPy.fileName, bytes: helloPy.bytes })
    expect(hello.wheels).toBe(expander.wheels)
    expect(hello.wheels.map((wheel) => wheel.fileName)).toEqual([helloPy.fileName, patternExpander.fileName])
    expect(hello).toMatchObject({ entryPoint: 'strataregula_hello_py.plugin:HelloPlugin', version: '1.2.0' })
  })

  it('needs no consent and reaches no network origin, like a local module', () => {
    const [hello] = localRegistryWithWheels([], [helloPy]).entries as [PythonPluginEntry]
    expect(isLocalEntry(hello)).toBe(true)
    expect(untrustedOrigins(hello, 'https://play.example', [])).toEqual([])
    expect(networkPolicyOf(hello)).toEqual({ origins: [], dataModules: false })
  })

  it('reports a plugin declared twice, in a module and a wheel, and keeps the first', () => {
    const manifest = localRegistryWithWheels([{ ...greeter, name: 'hello_py' }], [helloPy])
    expect(manifest.entries.map((entry) => entry.kind)).toEqual(['module'])
    expect(manifest.problems.map((problem) => problem.message)).toEqual([
      `plugin "hello_py" is declared twice: at entry-points."strataregula.plugins".hello_py and at local wheel (${helloPy.fileName}) entry_points.txt line 2 (the first is used)`,
    ])
  })

  it('gives the Python sandbox the kept bytes: nothing is downloaded', async () => {
    const [hello] = localRegistryWithWheels([], [helloPy]).entries as [PythonPluginEntry]
    const downloaded: string[] = []
    const archives = await downloadWheels(hello.wheels, async (wheel) => {
      downloaded.push(wheel.url)
      return new Uint8Array()
    })
    expect(archives).toEqual([helloPy.bytes])
    expect(downloaded).toEqual([])
  })
})
