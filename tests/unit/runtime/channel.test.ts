import { describe, expect, it, vi } from 'vitest'
import { MemoryWorkspace } from '../../../src/core/workspace/memoryWorkspace'
import { WorkerChannel } from '../../../src/runtime/channel'
import { FakeWorker } from './fakeWorker'

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0))
/** Waits for file operations to settle and for their replies, which leave in a batch a task later. */
const flush = async () => {
  await nextTask()
  await nextTask()
}

function open() {
  const worker = new FakeWorker()
  return { worker, channel: new WorkerChannel(worker) }
}

/** A call request with hooks, and what reached those hooks. */
function startCall(channel: WorkerChannel, fs = new MemoryWorkspace({ 'a.txt': 'alpha' })) {
  const onLog = vi.fn()
  const onProgress = vi.fn()
  const { id, reply } = channel.request({ type: 'call', command: 'go', kwargs: {}, config: {} }, { fs, onLog, onProgress })
  return { id, reply, fs, onLog, onProgress }
}

describe('WorkerChannel requests and replies', () => {
  it('numbers requests from 1 and posts each with its id', () => {
    const { worker, channel } = open()
    expect(channel.request({ type: 'load', moduleUrl: 'https://p.example/p.js', exportName: 'P' }).id).toBe(1)
    expect(channel.request({ type: 'health' }).id).toBe(2)
    expect(worker.sent).toEqual([
      { type: 'load', id: 1, moduleUrl: 'https://p.example/p.js', exportName: 'P' },
      { type: 'health', id: 2 },
    ])
  })

  it('settles each request with its own reply, and only once', async () => {
    const { worker, channel } = open()
    const first = channel.request({ type: 'health' })
    const second = channel.request({ type: 'health' })
    worker.reply(2, 'second')
    worker.emit({ type: 'reply', id: 1, ok: false, message: 'it broke' })
    worker.reply(1, 'late')
    await expect(second.reply).resolves.toBe('second')
    await expect(first.reply).rejects.toThrow('it broke')
  })

  it('ignores replies to ids it never sent', async () => {
    const { worker, channel } = open()
    const { reply } = channel.request({ type: 'health' })
    worker.reply(7, 'forged')
    worker.reply(1, 'real')
    await expect(reply).resolves.toBe('real')
  })

  it.each([
    ['null', null],
    ['a string', 'reply'],
    ['a batch holding a malformed message', [{ type: 'reply', id: '1', ok: true, value: 1 }]],
    ['no id', { type: 'reply', ok: true, value: 1 }],
    ['a text id', { type: 'reply', id: '1', ok: true, value: 1 }],
    ['a fractional id', { type: 'reply', id: 1.5, ok: true, value: 1 }],
    ['an unknown type', { type: 'result', id: 1, ok: true, value: 1 }],
    ['a failure without a message', { type: 'reply', id: 1, ok: false }],
    ['a failure with a message object', { type: 'reply', id: 1, ok: false, message: { text: 'x' } }],
    ['ok that is not a boolean', { type: 'reply', id: 1, ok: 'yes', value: 1 }],
  ])('drops a malformed message (%s) and still takes the real reply', async (_, data) => {
    const { worker, channel } = open()
    const { reply } = channel.request({ type: 'health' })
    worker.emit(data)
    worker.reply(1, 'real')
    await expect(reply).resolves.toBe('real')
  })

  it('tells whether a request of a kind is waiting', () => {
    const { worker, channel } = open()
    expect(channel.hasPending('call')).toBe(false)
    startCall(channel)
    channel.request({ type: 'health' })
    expect(channel.hasPending('call')).toBe(true)
    worker.reply(1, { status: 'success' })
    expect(channel.hasPending('call')).toBe(false)
    expect(channel.hasPending('health')).toBe(true)
  })
})

describe('WorkerChannel hooks', () => {
  it('passes stages, log lines and progress of a request to its hooks', () => {
    const { worker, channel } = open()
    const onStage = vi.fn()
    channel.request({ type: 'load', moduleUrl: 'u', exportName: 'e' }, { onStage })
    const call = startCall(channel)
    worker.emit({ type: 'stage', id: 1, stage: 'create' })
    worker.emit({ type: 'log', id: 2, message: 'line' })
    worker.emit({ type: 'progress', id: 2, done: 1, total: 4, label: 'step 1' })
    worker.emit({ type: 'progress', id: 2, done: 2, total: 4 })
    expect(onStage).toHaveBeenCalledWith('create')
    expect(call.onLog).toHaveBeenCalledWith('line')
    expect(call.onProgress.mock.calls).toEqual([
      [1, 4, 'step 1'],
      [2, 4, undefined],
    ])
  })

  it.each([
    ['a stage that does not exist', { type: 'stage', id: 1, stage: 'run' }],
    ['a log message that is not text', { type: 'log', id: 1, message: { toString: 'x' } }],
    ['progress that is not a number', { type: 'progress', id: 1, done: '1', total: 4 }],
    ['progress that is NaN', { type: 'progress', id: 1, done: Number.NaN, total: 4 }],
    ['progress without an end', { type: 'progress', id: 1, done: 1, total: Number.POSITIVE_INFINITY }],
    ['a progress label that is not text', { type: 'progress', id: 1, done: 1, total: 4, label: 3 }],
  ])('drops %s', (_, data) => {
    const { worker, channel } = open()
    const onStage = vi.fn()
    const call = startCall(channel)
    channel.request({ type: 'load', moduleUrl: 'u', exportName: 'e' }, { onStage })
    worker.emit({ ...data, id: data.type === 'stage' ? 2 : 1 })
    expect(onStage).not.toHaveBeenCalled()
    expect(call.onLog).not.toHaveBeenCalled()
    expect(call.onProgress).not.toHaveBeenCalled()
  })

  it('keeps the last 5,000 lines of a batch and says how many were skipped, by the sandbox or here', () => {
    const { worker, channel } = open()
    const { onLog } = startCall(channel)
    const lines = Array.from({ length: 5_010 }, (_, index) => `line ${index}`)
    worker.emit({ type: 'log', id: 1, message: lines.join('\n'), dropped: 90 })
    const shown = (onLog.mock.calls[0][0] as string).split('\n')
    expect(shown[0]).toBe('… 100 log lines skipped: the plugin logged faster than they can be shown')
    expect(shown.slice(1)).toEqual(lines.slice(10))
  })

  it.each([0, -1, 1.5, '3'])('drops a log batch whose dropped count is %j', (dropped) => {
    const { worker, channel } = open()
    const { onLog } = startCall(channel)
    worker.emit({ type: 'log', id: 1, message: 'x', dropped })
    expect(onLog).not.toHaveBeenCalled()
  })

  it('stops a worker that posts more than 50,000 messages in a second', async () => {
    const { worker, channel } = open()
    const call = startCall(channel)
    // All within one budget window, however slow the machine running the test is.
    const now = vi.spyOn(performance, 'now').mockReturnValue(1_000)
    for (let index = 0; index <= 5_000; index++) worker.emit({ type: 'progress', id: 1, done: index, total: 1e6 })
    now.mockRestore()
    await expect(call.reply).rejects.toThrow('the plugin sent more than 50,000 messages in a second')
    expect(worker.terminate).toHaveBeenCalled()
    // The budget is counted per tenth of a second: 5,000 pass, the next one stops the worker.
    expect(call.onProgress).toHaveBeenCalledTimes(5_000)
  })

  it('cuts a log line at 10,000 characters', () => {
    const { worker, channel } = open()
    const { onLog } = startCall(channel)
    worker.emit({ type: 'log', id: 1, message: 'x'.repeat(10_000) })
    worker.emit({ type: 'log', id: 1, message: 'y'.repeat(50_000) })
    worker.emit({ type: 'log', id: 1, message: `${'z'.repeat(9_998)}😀tail` })
    const [exact, long, emoji] = onLog.mock.calls.map(([message]) => message as string)
    expect(exact).toBe('x'.repeat(10_000))
    expect(long).toBe(`${'y'.repeat(9_999)}…`)
    expect(emoji).toBe(`${'z'.repeat(9_998)}…`)
  })
})

describe('WorkerChannel file requests', () => {
  it('runs a whitelisted operation on the call’s workspace and sends back the value', async () => {
    const { worker, channel } = open()
    const { fs } = startCall(channel)
    worker.emit({ type: 'fs', id: 1, fsId: 1, op: 'writeText', args: ['b.txt', 'beta'] })
    worker.emit({ type: 'fs', id: 1, fsId: 2, op: 'list', args: [] })
    await flush()
    expect(await fs.readText('b.txt')).toBe('beta')
    expect(worker.sent.slice(1)).toEqual([
      { type: 'fs-reply', fsId: 1, ok: true, value: undefined },
      { type: 'fs-reply', fsId: 2, ok: true, value: ['a.txt', 'b.txt'] },
    ])
  })

  it('sends a failed operation’s message and code', async () => {
    const { worker, channel } = open()
    startCall(channel)
    worker.emit({ type: 'fs', id: 1, fsId: 3, op: 'readText', args: ['missing.txt'] })
    worker.emit({ type: 'fs', id: 1, fsId: 4, op: 'writeText', args: [{ path: 'x' }, 'text'] })
    await flush()
    expect(worker.sent.slice(1)).toEqual([
      { type: 'fs-reply', fsId: 3, ok: false, message: "No such file or directory: 'missing.txt'", code: 'ENOENT' },
      { type: 'fs-reply', fsId: 4, ok: false, message: 'Invalid path: [object Object]', code: 'EINVAL' },
    ])
  })

  it.each(['x', 'constructor', 'writeFiles', '__proto__', 'toString'])('refuses the operation %s', async (op) => {
    const { worker, channel } = open()
    const { fs } = startCall(channel)
    const spy = vi.spyOn(fs, 'remove')
    worker.emit({ type: 'fs', id: 1, fsId: 1, op, args: ['a.txt'] })
    await flush()
    expect(worker.sent.at(-1)).toEqual({ type: 'fs-reply', fsId: 1, ok: false, message: `unknown file operation ${op}` })
    expect(spy).not.toHaveBeenCalled()
  })

  it('refuses file access to a request without a workspace', async () => {
    const { worker, channel } = open()
    channel.request({ type: 'load', moduleUrl: 'u', exportName: 'e' })
    worker.emit({ type: 'fs', id: 1, fsId: 1, op: 'readText', args: ['a.txt'] })
    await flush()
    expect(worker.sent.at(-1)).toEqual({ type: 'fs-reply', fsId: 1, ok: false, message: 'no workspace is available to this call' })
  })

  it('refuses file access once the call has ended', async () => {
    const { worker, channel } = open()
    const { fs } = startCall(channel)
    worker.reply(1, { status: 'success' })
    worker.emit({ type: 'fs', id: 1, fsId: 1, op: 'remove', args: ['a.txt'] })
    await flush()
    expect(worker.sent.at(-1)).toEqual({ type: 'fs-reply', fsId: 1, ok: false, message: 'the call has ended' })
    expect(await fs.exists('a.txt')).toBe(true)
  })

  it.each([
    ['arguments that are not a list', { op: 'readText', fsId: 1, args: 'a.txt' }],
    ['no file request id', { op: 'readText', args: ['a.txt'] }],
    ['an operation that is not text', { op: ['readText'], fsId: 1, args: ['a.txt'] }],
  ])('drops a file request with %s', async (_, fields) => {
    const { worker, channel } = open()
    startCall(channel)
    worker.emit({ type: 'fs', id: 1, ...fields })
    await flush()
    expect(worker.sent).toHaveLength(1)
  })
})

describe('WorkerChannel batches', () => {
  it('takes every message of a batch in order, each checked on its own', async () => {
    const { worker, channel } = open()
    const { reply, onLog, onProgress } = startCall(channel)
    worker.emit([
      { type: 'log', id: 1, message: 'first' },
      { type: 'log', id: 'x', message: 'malformed' },
      { type: 'progress', id: 1, done: 1, total: 2 },
      { type: 'reply', id: 1, ok: true, value: 'done' },
    ])
    await expect(reply).resolves.toBe('done')
    expect(onLog.mock.calls).toEqual([['first']])
    expect(onProgress).toHaveBeenCalledWith(1, 2, undefined)
  })

  it('counts each message of a batch against the budget', async () => {
    const { worker, channel } = open()
    const call = startCall(channel)
    // All within one budget window, however slow the machine running the test is.
    const now = vi.spyOn(performance, 'now').mockReturnValue(1_000)
    worker.emit(Array.from({ length: 5_001 }, (_, index) => ({ type: 'progress', id: 1, done: index, total: 1e6 })))
    now.mockRestore()
    await expect(call.reply).rejects.toThrow('the plugin sent more than 50,000 messages in a second')
    expect(call.onProgress).toHaveBeenCalledTimes(5_000)
  })

  it('sends the file replies that settle together in one message', async () => {
    const { worker, channel } = open()
    startCall(channel)
    worker.emit([
      { type: 'fs', id: 1, fsId: 1, op: 'writeText', args: ['b.txt', 'beta'] },
      { type: 'fs', id: 1, fsId: 2, op: 'readText', args: ['a.txt'] },
    ])
    await flush()
    expect(worker.postMessage.mock.calls.at(-1)).toEqual([
      [
        { type: 'fs-reply', fsId: 1, ok: true, value: undefined },
        { type: 'fs-reply', fsId: 2, ok: true, value: 'alpha' },
      ],
    ])
  })
})

describe('WorkerChannel.abort', () => {
  it.each([
    ['cancelled', 'the call was cancelled'],
    ['timeout', 'the call timed out'],
  ] as const)('after %s, fails the request, tells the worker and drops its hooks at once', async (reason, message) => {
    const { worker, channel } = open()
    const { id, reply, fs, onLog, onProgress } = startCall(channel)
    const write = vi.spyOn(fs, 'writeText')
    channel.abort(id, reason)
    await expect(reply).rejects.toThrow(message)
    expect(worker.sent.at(-1)).toEqual({ type: 'abort', id, reason })
    expect(channel.hasPending('call')).toBe(false)

    worker.emit({ type: 'log', id, message: 'still here' })
    worker.emit({ type: 'progress', id, done: 1, total: 2 })
    worker.emit({ type: 'fs', id, fsId: 9, op: 'writeText', args: ['a.txt', 'overwritten'] })
    worker.reply(id, { status: 'success' })
    await flush()
    expect(onLog).not.toHaveBeenCalled()
    expect(onProgress).not.toHaveBeenCalled()
    expect(write).not.toHaveBeenCalled()
    expect(await fs.readText('a.txt')).toBe('alpha')
    expect(worker.sent.at(-1)).toEqual({ type: 'fs-reply', fsId: 9, ok: false, message })
    expect(worker.terminate).not.toHaveBeenCalled()
  })

  it('does nothing for a request that is already settled', () => {
    const { worker, channel } = open()
    const { id } = startCall(channel)
    worker.reply(id, { status: 'success' })
    channel.abort(id, 'cancelled')
    expect(worker.sent).toHaveLength(1)
  })
})

describe('WorkerChannel closing', () => {
  it('terminates the worker, fails what is open and refuses new requests', async () => {
    const { worker, channel } = open()
    const { reply } = channel.request({ type: 'health' })
    channel.close('stopped for the test')
    expect(worker.terminate).toHaveBeenCalledOnce()
    expect(channel.isClosed).toBe(true)
    await expect(reply).rejects.toThrow('stopped for the test')
    await expect(channel.request({ type: 'health' }).reply).rejects.toThrow('the sandbox worker is stopped')
    worker.emit({ type: 'fs', id: 1, fsId: 1, op: 'list', args: [] })
    expect(worker.sent).toHaveLength(1)
  })

  it('closes when the worker cannot start', async () => {
    const { worker, channel } = open()
    const { reply } = channel.request({ type: 'health' })
    const event = worker.throwUncaught()
    expect(event.defaultPrevented).toBe(true)
    expect(worker.terminate).toHaveBeenCalledOnce()
    await expect(reply).rejects.toThrow(/^the sandbox worker could not start$/)
  })

  it('closes with the error’s message after an uncaught error in plugin code', async () => {
    const { worker, channel } = open()
    const call = startCall(channel)
    worker.emit({ type: 'log', id: 1, message: 'started' })
    worker.throwUncaught('Uncaught Error: stray timer failed')
    expect(worker.terminate).toHaveBeenCalledOnce()
    await expect(call.reply).rejects.toThrow(/^the plugin's worker stopped after an uncaught error: Error: stray timer failed$/)
  })

  it('fails every open request at once when a message cannot be read', async () => {
    const { worker, channel } = open()
    const call = startCall(channel)
    const health = channel.request({ type: 'health' })
    worker.dispatchEvent(new Event('messageerror'))
    await expect(call.reply).rejects.toThrow('the sandbox sent a message that could not be read')
    await expect(health.reply).rejects.toThrow('the sandbox sent a message that could not be read')
    expect(worker.terminate).toHaveBeenCalledOnce()
  })
})
