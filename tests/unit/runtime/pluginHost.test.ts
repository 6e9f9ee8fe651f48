import { describe, expect, it, vi } from 'vitest'
import { outcomes } from '../../../src/core/hostOutcomes'
import type { PluginContext } from '../../../src/core/pluginContract'
import type { HostRequest, WorkerMessage } from '../../../src/runtime/protocol'
import { PluginHost } from '../../../src/runtime/sandbox/pluginHost'

const WAIT = { interval: 1 }
const LOAD: HostRequest = { type: 'load', id: 1, moduleUrl: 'https://plugins.example/p.js', exportName: 'ThePlugin' }

/** A plugin host whose module is `ThePlugin` and whose messages are copied as postMessage copies them. */
function hostOf(ThePlugin: unknown) {
  const posted: WorkerMessage[] = []
  const host = new PluginHost(
    (message) => posted.push(structuredClone(message)),
    async () => ({ ThePlugin }),
  )
  const replyFor = (id: number) =>
    vi.waitFor(() => {
      const reply = posted.find((message) => message.type === 'reply' && message.id === id)
      if (!reply) throw new Error(`no reply to ${id} yet`)
      return reply
    }, WAIT)
  const replyTo = (request: HostRequest) => {
    host.receive(request)
    return replyFor(request.id)
  }
  return { host, posted, replyFor, replyTo }
}

const call = (command: string, id = 2): HostRequest => ({ type: 'call', id, command, kwargs: { n: 1 }, config: { level: 3 } })

class Probe {
  get_info() {
    return { name: 'probe', version: '1.0.0', supported_commands: ['go', 'go', 'toString', 'get_info', '__proto__', 'uncopyable'] }
  }
  go(kwargs: { n: number }, ctx: PluginContext) {
    return { status: 'success', n: kwargs.n, level: ctx.config.level }
  }
  uncopyable() {
    return { status: 'success', later: () => 1 }
  }
  health_check() {
    return { healthy: true, name: 'renamed', check: () => true }
  }
}

describe('PluginHost', () => {
  it('reports each load stage, then the description and the callable commands', async () => {
    const { posted, replyTo } = hostOf(Probe)
    const reply = await replyTo(LOAD)
    expect(posted.slice(0, 3)).toEqual([
      { type: 'stage', id: 1, stage: 'import' },
      { type: 'stage', id: 1, stage: 'create' },
      { type: 'stage', id: 1, stage: 'get_info' },
    ])
    expect(reply).toEqual({ type: 'reply', id: 1, ok: true, value: { info: new Probe().get_info(), commands: ['go', 'uncopyable'] } })
  })

  it('loads a plugin that has a then method, without taking it for a promise', async () => {
    const thenable = { get_info: () => ({ name: 'odd', version: '1.0.0' }), then: () => ({ status: 'success' }) }
    const { replyTo } = hostOf(thenable)
    expect(await replyTo(LOAD)).toEqual({ type: 'reply', id: 1, ok: true, value: { info: { name: 'odd', version: '1.0.0' }, commands: ['then'] } })
  })

  it('fails a load with the reason of the failure', async () => {
    const { replyTo } = hostOf(42)
    expect(await replyTo(LOAD)).toEqual({ type: 'reply', id: 1, ok: false, message: 'export "ThePlugin" is number, not a class, function or object' })
  })

  it('fails a load whose description cannot be sent', async () => {
    const { replyTo } = hostOf({ get_info: () => ({ name: 'probe', version: '1.0.0', icon: () => 'x' }) })
    expect(await replyTo(LOAD)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^get_info\(\) returned a value that cannot be sent to the app: .+/),
    })
  })

  it('runs a listed command with its arguments and configuration', async () => {
    const { replyTo } = hostOf(Probe)
    await replyTo(LOAD)
    expect(await replyTo(call('go'))).toEqual({ type: 'reply', id: 2, ok: true, value: { status: 'success', n: 1, level: 3 } })
  })

  it.each(['toString', 'get_info', 'constructor', 'missing'])('does not run %s', async (command) => {
    const { replyTo } = hostOf(Probe)
    await replyTo(LOAD)
    expect(await replyTo(call(command))).toMatchObject({ ok: true, value: outcomes.notSupported(command) })
  })

  it('answers a result that cannot be sent as an invalid result', async () => {
    const { replyTo } = hostOf(Probe)
    await replyTo(LOAD)
    expect(await replyTo(call('uncopyable'))).toEqual({ type: 'reply', id: 2, ok: true, value: outcomes.invalidResult() })
  })

  it('answers a health detail that cannot be sent as an unhealthy report, not as a command result', async () => {
    const { replyTo } = hostOf(Probe)
    await replyTo(LOAD)
    const reply = await replyTo({ type: 'health', id: 2 })
    expect(reply).toMatchObject({
      ok: true,
      value: { healthy: false, error: expect.stringMatching(/^health_check\(\) returned a value that cannot be sent to the app: .+/) },
    })
  })

  it('is unhealthy and runs nothing before a plugin is loaded', async () => {
    const { replyTo } = hostOf(Probe)
    expect(await replyTo({ type: 'health', id: 1 })).toMatchObject({ value: { healthy: false, error: 'plugin is not loaded' } })
    expect(await replyTo(call('go'))).toMatchObject({ value: outcomes.executionFailed('plugin is not loaded') })
  })

  it('fires ctx.signal on abort and routes ctx.fs through the app', async () => {
    let signal: AbortSignal | undefined
    const plugin = {
      get_info: () => ({ name: 'probe', version: '1.0.0' }),
      async copy(_: unknown, ctx: PluginContext) {
        signal = ctx.signal
        const text = await ctx.fs.readText('in.txt')
        await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve))
        return { status: 'error', text, reason: (ctx.signal.reason as DOMException).message }
      },
    }
    const { host, posted, replyFor, replyTo } = hostOf(plugin)
    await replyTo(LOAD)
    host.receive(call('copy'))
    await vi.waitFor(() => expect(posted.at(-1)).toEqual({ type: 'fs', id: 2, fsId: 1, op: 'readText', args: ['in.txt'] }), WAIT)
    host.receive({ type: 'fs-reply', fsId: 1, ok: true, value: 'text' })
    await vi.waitFor(() => expect(signal).toBeDefined(), WAIT)
    host.receive({ type: 'abort', id: 2, reason: 'timeout' })
    expect(signal?.aborted).toBe(true)
    expect(await replyFor(2)).toMatchObject({ value: { status: 'error', text: 'text', reason: 'Time limit reached' } })
  })
})
