import { describe, expect, it, vi } from 'vitest'
import type { PythonPluginEntry, WheelRef } from '../../../src/core/manifest/types'
import { MemoryWorkspace } from '../../../src/core/workspace/memoryWorkspace'
import type { HostMessage } from '../../../src/runtime/protocol'
import { PYTHON_SANDBOX_WEIGHT } from '../../../src/runtime/python/pythonEnvironment'
import { PythonSandbox } from '../../../src/runtime/python/pythonSandbox'
import { SandboxPool } from '../../../src/runtime/sandboxPool'
import { FakeWorker } from './fakeWorker'

const RUNTIME = 'https://playground.test/pyodide/'

function entry(name: string, wheels: WheelRef[]): PythonPluginEntry {
  const wheel = wheels[0]!
  return { kind: 'python', name, entryPoint: `pkg.${name}:Plugin`, wheel, wheels, manifestUrl: 'https://plugins.test/registry.json' }
}

/** A Python worker that loads any plugin, says hello from each, and never answers `spin`. */
function pythonWorker(message: HostMessage, worker: FakeWorker): void {
  if (message.type === 'load-python') worker.reply(message.id, { info: { name: message.name, version: '1.0.0' }, commands: ['hello', 'spin'] })
  if (message.type === 'call' && message.command === 'hello') worker.reply(message.id, { status: 'success', from: message.plugin })
  if (message.type === 'health') worker.reply(message.id, { healthy: true, name: message.plugin, version: '1.0.0' })
}

function manifestOfTwo() {
  const wheels: WheelRef[] = [{ url: 'https://plugins.test/py/pkg-1.0-py3-none-any.whl', fileName: 'pkg-1.0-py3-none-any.whl' }]
  const workers: FakeWorker[] = []
  const startWorker = () => {
    const worker = new FakeWorker(pythonWorker)
    workers.push(worker)
    return worker
  }
  const pool = new SandboxPool()
  const first = new PythonSandbox(entry('first', wheels), startWorker, pool, RUNTIME)
  const second = new PythonSandbox(entry('second', wheels), startWorker, pool, RUNTIME)
  return { first, second, workers, pool }
}

const callOptions = (signal?: AbortSignal) => ({ config: {}, fs: new MemoryWorkspace(), ...(signal ? { signal } : {}) })

describe('the Python plugins of one manifest', () => {
  it('share one worker, counted once in the pool, each answering for itself', async () => {
    const { first, second, workers, pool } = manifestOfTwo()
    await expect(first.load()).resolves.toMatchObject({ info: { name: 'first' } })
    await expect(second.load()).resolves.toMatchObject({ info: { name: 'second' } })
    expect(workers).toHaveLength(1)
    expect(pool.liveWeight).toBe(PYTHON_SANDBOX_WEIGHT)
    await expect(first.call('hello', {}, callOptions())).resolves.toEqual({ status: 'success', from: 'first' })
    await expect(second.call('hello', {}, callOptions())).resolves.toEqual({ status: 'success', from: 'second' })
    await expect(second.health()).resolves.toEqual({ healthy: true, name: 'second', version: '1.0.0' })
    // Both plugins' requests went to the one worker with ids of its own.
    const ids = workers[0]!.sent.flatMap((message) => ('id' in message ? [message.id] : []))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('stop together when a command is cancelled; each loads again, in a fresh worker, on its next use', async () => {
    const { first, second, workers, pool } = manifestOfTwo()
    await first.load()
    await second.load()
    const cancel = new AbortController()
    const spinning = first.call('spin', {}, callOptions(cancel.signal))
    await Promise.resolve()
    cancel.abort()
    await expect(spinning).resolves.toEqual({ status: 'error', message: 'Plugin execution cancelled' })
    await vi.waitFor(() => expect(workers[0]!.terminate).toHaveBeenCalled())
    expect(pool.liveWeight).toBe(0)
    await expect(second.call('hello', {}, callOptions())).resolves.toEqual({ status: 'success', from: 'second' })
    expect(workers).toHaveLength(2)
    expect(workers[1]!.request('load-python').name).toBe('second')
    expect(pool.liveWeight).toBe(PYTHON_SANDBOX_WEIGHT)
  })

  it('keep the worker while one of them is unloaded, and stop it with the last', async () => {
    const { first, second, workers, pool } = manifestOfTwo()
    await first.load()
    await second.load()
    first.destroy()
    expect(workers[0]!.terminate).not.toHaveBeenCalled()
    await expect(second.call('hello', {}, callOptions())).resolves.toEqual({ status: 'success', from: 'second' })
    second.destroy()
    await vi.waitFor(() => expect(workers[0]!.terminate).toHaveBeenCalled())
    expect(pool.liveWeight).toBe(0)
  })
})
