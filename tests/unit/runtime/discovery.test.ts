import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ModulePluginEntry } from '../../../src/core/manifest/types'
import { batchesByNetworkPolicy, DISCOVERY_HANG_MS, DISCOVERY_REPORT_MS, type Discovered, discoverPlugins } from '../../../src/runtime/discovery'
import type { HostMessage, LoadStage } from '../../../src/runtime/protocol'
import { SandboxPool } from '../../../src/runtime/sandboxPool'
import { FakeWorker, type Responder } from './fakeWorker'

function entry(name: string, origin = 'https://a.example'): ModulePluginEntry {
  return { kind: 'module', name, moduleUrl: `${origin}/${name}.js`, exportName: 'default', manifestUrl: `${origin}/registry.json` }
}

const describes = (message: HostMessage) => (message.type === 'describe' ? message : undefined)
const nameOf = (moduleUrl: string) => /([^/]+)\.js$/.exec(moduleUrl)?.[1] ?? ''

/** A discovery sandbox with no plugin blocking it answers pings (health requests) at once. */
const answersPing = (message: HostMessage, worker: FakeWorker) =>
  message.type === 'health' && (worker.reply(message.id, { healthy: false, error: 'plugin is not loaded' }), true)

/** Describes every plugin at once, except those named in `hang` (which start and never end) and `fail`. */
function describing({ hang = [], fail = [] }: { hang?: string[]; fail?: string[] } = {}): Responder {
  return (message, worker) => {
    if (answersPing(message, worker)) return
    const request = describes(message)
    if (!request) return
    const name = nameOf(request.moduleUrl)
    worker.emit({ type: 'stage', id: request.id, stage: 'import' })
    if (hang.includes(name)) return
    if (fail.includes(name)) return worker.emit({ type: 'reply', id: request.id, ok: false, message: 'get_info() threw: no' })
    worker.reply(request.id, { info: { name, version: '1.0.0' }, commands: [] })
  }
}

/**
 * A discovery worker that `culprit` blocks once it begins `stage` (as a loop would): from then on it answers
 * nothing, pings included; the other plugins, slower to import, are left waiting.
 */
function blockedBy(culprit: string, stage: LoadStage): Responder {
  const blocked = new WeakSet<FakeWorker>()
  return (message, worker) => {
    if (blocked.has(worker) || answersPing(message, worker)) return
    const request = describes(message)
    if (!request) return
    const name = nameOf(request.moduleUrl)
    worker.emit({ type: 'stage', id: request.id, stage: 'import' })
    setTimeout(
      () => {
        if (blocked.has(worker)) return
        if (name !== culprit) return worker.reply(request.id, { info: { name, version: '1.0.0' }, commands: [] })
        for (const next of (['create', 'get_info'] as const).slice(0, ['import', 'create', 'get_info'].indexOf(stage)))
          worker.emit({ type: 'stage', id: request.id, stage: next })
        blocked.add(worker)
      },
      name === culprit ? 1 : 10,
    )
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
    expect(workers[0].sent.filter(describes).map((message) => message.type)).toEqual(['describe', 'describe', 'describe'])
    expect(workers.every((worker) => worker.terminate.mock.calls.length === 1)).toBe(true)
    expect(found.flat().map(({ entry: plugin, loaded }) => [plugin.name, loaded.info.name])).toEqual(entries.map((plugin) => [plugin.name, plugin.name]))
    expect(alone).toEqual([])
    expect(pool.liveCount).toBe(0)
  })

  it('loads alone each plugin that failed or timed out in discovery, and only those', async () => {
    const entries = ['ok1', 'broken', 'hung', 'ok2'].map((name) => entry(name))
    const { done, found, alone } = setUp(describing({ hang: ['hung'], fail: ['broken'] }), entries)
    await vi.advanceTimersByTimeAsync(DISCOVERY_REPORT_MS)
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

  it('gives up on a sandbox that a plugin blocks in get_info() well before the load limit, loads that plugin alone and discovers the others again', async () => {
    const entries = ['ok1', 'loops', 'ok2', 'ok3'].map((name) => entry(name))
    const { done, workers, found, alone, pool } = setUp(blockedBy('loops', 'get_info'), entries)
    await vi.advanceTimersByTimeAsync(DISCOVERY_HANG_MS + 500)
    expect(alone).toEqual(['loops'])
    expect(found.flat().map(({ entry: plugin }) => plugin.name)).toEqual(['ok1', 'ok2', 'ok3'])
    expect(workers).toHaveLength(2)
    expect(workers[0].terminate).toHaveBeenCalled()
    expect(workers[1].sent.flatMap((message) => describes(message)?.moduleUrl ?? []).map(nameOf)).toEqual(['ok1', 'ok2', 'ok3'])
    await done
    expect(pool.liveCount).toBe(0)
  })

  it('halves the plugins a sandbox blocked while importing, until the one that hangs is alone', async () => {
    const entries = ['a', 'loops', 'b', 'c'].map((name) => entry(name))
    const { done, found, alone } = setUp(blockedBy('loops', 'import'), entries)
    await vi.advanceTimersByTimeAsync(3 * (DISCOVERY_HANG_MS + 500))
    expect(alone).toEqual(['loops'])
    expect(
      found
        .flat()
        .map(({ entry: plugin }) => plugin.name)
        .sort(),
    ).toEqual(['a', 'b', 'c'])
    await done
  })

  it('never lets one origin’s plugins share a sandbox with another’s', async () => {
    const entries = [entry('a'), entry('b', 'https://b.example')]
    const { done, workers } = setUp(describing(), entries)
    await vi.runAllTimersAsync()
    await done
    expect(workers.map((worker) => worker.sent.flatMap((message) => describes(message)?.moduleUrl ?? []).map(nameOf))).toEqual([['a'], ['b']])
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
