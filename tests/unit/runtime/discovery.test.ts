import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ModulePluginEntry } from '../../../src/core/manifest/types'
import { batchesByNetworkPolicy, type Discovered, discoverPlugins } from '../../../src/runtime/discovery'
import type { HostMessage } from '../../../src/runtime/protocol'
import { SandboxPool } from '../../../src/runtime/sandboxPool'
import { FakeWorker, type Responder } from './fakeWorker'

function entry(name: string, origin = 'https://a.example'): ModulePluginEntry {
  return { kind: 'module', name, moduleUrl: `${origin}/${name}.js`, exportName: 'default', manifestUrl: `${origin}/registry.json` }
}

const describes = (message: HostMessage) => (message.type === 'describe' ? message : undefined)
const nameOf = (moduleUrl: string) => /([^/]+)\.js$/.exec(moduleUrl)?.[1] ?? ''

/** Describes every plugin at once, except those named in `hang` (which start and never end) and `fail`. */
function describing({ hang = [], fail = [] }: { hang?: string[]; fail?: string[] } = {}): Responder {
  return (message, worker) => {
    const request = describes(message)
    if (!request) return
    const name = nameOf(request.moduleUrl)
    worker.emit({ type: 'stage', id: request.id, stage: 'import' })
    if (hang.includes(name)) return
    if (fail.includes(name)) return worker.emit({ type: 'reply', id: request.id, ok: false, message: 'get_info() threw: no' })
    worker.reply(request.id, { info: { name, version: '1.0.0' }, commands: [] })
  }
}

function setUp(responder: Responder, entries: ModulePluginEntry[], batchSize = 100) {
  const workers: FakeWorker[] = []
  const pool = new SandboxPool(8)
  const found: Discovered[][] = []
  const alone: string[] = []
  const done = discoverPlugins(entries, {
    pool,
    batchSize,
    startWorker: () => {
      const worker = new FakeWorker(responder)
      workers.push(worker)
      return worker
    },
    onDiscovered: (group) => found.push(group),
    loadAlone: async (loaded) => void alone.push(loaded.name),
  })
  return { done, workers, pool, found, alone }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('batchesByNetworkPolicy', () => {
  it('groups plugins that may reach the same origins, then cuts each group into batches', () => {
    const entries = [entry('a1'), entry('b1', 'https://b.example'), entry('a2'), entry('a3'), entry('a4')]
    expect(batchesByNetworkPolicy(entries, 2).map((batch) => batch.map((plugin) => plugin.name))).toEqual([['a1', 'a2'], ['a3', 'a4'], ['b1']])
  })

  it('keeps apart plugins of one module origin whose manifests or connect lists differ', () => {
    const fromElsewhere = { ...entry('a2', 'https://b.example'), moduleUrl: 'https://a.example/x/a2.js' }
    const connecting = { ...entry('a3'), connect: ['https://api.example'] }
    expect(batchesByNetworkPolicy([entry('a1'), fromElsewhere, connecting, entry('a4')], 10).map((batch) => batch.map((plugin) => plugin.name))).toEqual([
      ['a1', 'a4'],
      ['a2'],
      ['a3'],
    ])
  })
})

describe('discoverPlugins', () => {
  it('describes the plugins of one origin in one sandbox per batch, then stops it', async () => {
    const entries = Array.from({ length: 5 }, (_, index) => entry(`p${index}`))
    const { done, workers, found, alone, pool } = setUp(describing(), entries, 3)
    await vi.runAllTimersAsync()
    await done
    expect(workers).toHaveLength(2)
    expect(workers[0].sent.map((message) => message.type)).toEqual(['describe', 'describe', 'describe'])
    expect(workers.every((worker) => worker.terminate.mock.calls.length === 1)).toBe(true)
    expect(found.flat().map(({ entry: plugin, loaded }) => [plugin.name, loaded.info.name])).toEqual(entries.map((plugin) => [plugin.name, plugin.name]))
    expect(alone).toEqual([])
    expect(pool.liveCount).toBe(0)
  })

  it('loads alone each plugin that failed or timed out in discovery, and only those', async () => {
    const entries = ['ok1', 'broken', 'hung', 'ok2'].map((name) => entry(name))
    const { done, found, alone } = setUp(describing({ hang: ['hung'], fail: ['broken'] }), entries)
    await vi.advanceTimersByTimeAsync(100)
    expect(found.flat().map(({ entry: plugin }) => plugin.name)).toEqual(['ok1', 'ok2'])
    expect(alone).toEqual(['broken'])
    await vi.advanceTimersByTimeAsync(5_000)
    await done
    expect(alone).toEqual(['broken', 'hung'])
  })

  it('loads alone every plugin of a discovery sandbox that died', async () => {
    const entries = ['a', 'b'].map((name) => entry(name))
    const { done, workers, alone } = setUp((message, worker) => {
      if (message.type === 'describe') worker.emit({ type: 'stage', id: message.id, stage: 'import' })
    }, entries)
    await vi.advanceTimersByTimeAsync(0)
    workers[0].throwUncaught('Uncaught Error: boom')
    await vi.advanceTimersByTimeAsync(0)
    await done
    expect(alone).toEqual(['a', 'b'])
  })

  it('never lets one origin’s plugins share a sandbox with another’s', async () => {
    const entries = [entry('a'), entry('b', 'https://b.example')]
    const { done, workers } = setUp(describing(), entries)
    await vi.runAllTimersAsync()
    await done
    expect(workers.map((worker) => worker.sent.map((message) => nameOf((message as { moduleUrl: string }).moduleUrl)))).toEqual([['a'], ['b']])
  })

  it('keeps discovery sandboxes within the pool', async () => {
    const entries = Array.from({ length: 6 }, (_, index) => entry(`p${index}`))
    const workers: FakeWorker[] = []
    const pool = new SandboxPool(1)
    let mostLive = 0
    const done = discoverPlugins(entries, {
      pool,
      batchSize: 2,
      startWorker: () => {
        mostLive = Math.max(mostLive, pool.liveCount)
        workers.push(new FakeWorker(describing()))
        return workers.at(-1)!
      },
      onDiscovered: () => undefined,
      loadAlone: async () => undefined,
    })
    await vi.runAllTimersAsync()
    await done
    expect(workers).toHaveLength(3)
    expect(mostLive).toBe(1)
  })
})
