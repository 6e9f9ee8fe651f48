import { describe, expect, it } from 'vitest'
import type { ModulePluginEntry } from '../../../src/core/manifest/types'
import type { LoadOutcome } from '../../../src/runtime/pluginSandbox'
import { PluginRuntime } from '../../../src/runtime/pluginRuntime'
import type { HostMessage } from '../../../src/runtime/protocol'
import { FakeWorker } from './fakeWorker'

function entry(name: string, version: string): ModulePluginEntry {
  return { kind: 'module', name, moduleUrl: `https://a.example/${name}-${version}.js`, exportName: 'default', manifestUrl: 'https://a.example/registry.json' }
}

/** Loads and describes every plugin, with the version in its module's file name; `hold` makes discovery wait. */
function setUp(hold?: Promise<void>) {
  const workers: FakeWorker[] = []
  const reports: Array<[string, string]> = []
  const respond = async (message: HostMessage, worker: FakeWorker) => {
    if (message.type !== 'load' && message.type !== 'describe') return
    worker.emit({ type: 'stage', id: message.id, stage: 'import' })
    if (message.type === 'describe') await hold
    const [, name, version] = /\/(\w+)-([\d.]+)\.js$/.exec(message.moduleUrl) ?? []
    worker.reply(message.id, { info: { name, version }, commands: [] })
  }
  const runtime = new PluginRuntime((name: string, outcome: LoadOutcome) => reports.push([name, outcome.ok ? outcome.loaded.info.version : outcome.reason]), {
    startWorker: () => {
      const worker = new FakeWorker((message, self) => void respond(message, self))
      workers.push(worker)
      return worker
    },
  })
  return { runtime, workers, reports }
}

describe('PluginRuntime.replaceOne', () => {
  it('destroys the former sandbox of the name before the new entry loads in a sandbox of its own', async () => {
    const { runtime, workers, reports } = setUp()
    runtime.replace([entry('greeter', '1.0.0'), entry('other', '1.0.0')])
    await runtime.load('greeter')
    const other = runtime.sandbox('other')
    runtime.replaceOne('greeter', entry('greeter', '2.0.0'))
    expect(workers[0].terminate).toHaveBeenCalled()
    await runtime.load('greeter')
    expect(reports).toEqual([
      ['greeter', '1.0.0'],
      ['greeter', '2.0.0'],
    ])
    expect(runtime.sandbox('other')).toBe(other)
  })

  it('removes the name when there is no entry left', async () => {
    const { runtime } = setUp()
    runtime.replace([entry('greeter', '1.0.0')])
    runtime.replaceOne('greeter', undefined)
    expect(runtime.sandbox('greeter')).toBeUndefined()
  })

  it('drops what discovery finds of an entry replaced meanwhile', async () => {
    let release = () => {}
    const { runtime, reports } = setUp(new Promise<void>((resolve) => (release = resolve)))
    runtime.replace([entry('greeter', '1.0.0')])
    const listing = runtime.loadMany(['greeter'])
    runtime.replaceOne('greeter', entry('greeter', '2.0.0'))
    await runtime.load('greeter')
    release()
    await listing
    expect(reports).toEqual([['greeter', '2.0.0']])
  })
})

describe('PluginRuntime.describeAlone', () => {
  it('answers what get_info() says and stops its sandbox', async () => {
    const { runtime, workers } = setUp()
    const loaded = await runtime.describeAlone(entry('greeter', '3.0.0'))
    expect(loaded.info).toEqual({ name: 'greeter', version: '3.0.0' })
    expect(workers[0].terminate).toHaveBeenCalled()
    expect(runtime.sandbox('greeter')).toBeUndefined()
  })
})
