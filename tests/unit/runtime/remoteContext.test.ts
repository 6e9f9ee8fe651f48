import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { WorkerMessage } from '../../../src/runtime/protocol'
import { OUTBOX_FLUSH_MS, RemoteContextFactory } from '../../../src/runtime/sandbox/remoteContext'

function setUp() {
  const posted: WorkerMessage[] = []
  const factory = new RemoteContextFactory((message) => posted.push(message))
  const ctx = factory.create(7, {}, new AbortController().signal)
  return { posted, factory, ctx }
}

describe('the ctx outbox in the sandbox', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('gathers log lines and progress and sends them together after a moment', () => {
    const { posted, ctx } = setUp()
    ctx.log('one')
    ctx.log('two\nthree')
    ctx.progress(1, 4)
    ctx.progress(2, 4, 'second')
    expect(posted).toEqual([])
    vi.advanceTimersByTime(OUTBOX_FLUSH_MS)
    expect(posted).toEqual([
      { type: 'log', id: 7, message: 'one\ntwo\nthree' },
      { type: 'progress', id: 7, done: 2, total: 4, label: 'second' },
    ])
  })

  it('keeps the last 5,000 lines of a burst and counts the rest', () => {
    const { posted, ctx } = setUp()
    for (let line = 0; line < 12_000; line++) ctx.log(`line ${line}`)
    vi.advanceTimersByTime(OUTBOX_FLUSH_MS)
    const [batch] = posted as Array<Extract<WorkerMessage, { type: 'log' }>>
    expect(batch.dropped).toBe(7_000)
    expect(batch.message.split('\n')).toHaveLength(5_000)
    expect(batch.message.endsWith('line 11999')).toBe(true)
  })

  it('sends the log before a file request and before the reply', () => {
    const { posted, factory, ctx } = setUp()
    ctx.log('before the file')
    void ctx.fs.readText('a.txt')
    expect(posted.map((message) => message.type)).toEqual(['log', 'fs'])
    ctx.log('before the reply')
    factory.flush(7)
    expect(posted.at(-1)).toEqual({ type: 'log', id: 7, message: 'before the reply' })
  })
})

describe('ctx.fs in the sandbox', () => {
  it('offers every workspace operation, each sent to the app under its own name', () => {
    const { posted, ctx } = setUp()
    expect(Object.keys(ctx.fs).sort()).toEqual(['exists', 'list', 'readBytes', 'readText', 'remove', 'writeBytes', 'writeText'])
    void ctx.fs.writeText('b.txt', 'beta')
    expect(posted.at(-1)).toEqual({ type: 'fs', id: 7, fsId: 1, op: 'writeText', args: ['b.txt', 'beta'] })
  })
})
