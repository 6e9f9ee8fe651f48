import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FLOOD_NOTICE } from '../../../src/runtime/messageBudget'
import { lockDown } from '../../../src/runtime/sandbox/lockDown'

type Scope = Record<string, unknown> & { posted: unknown[]; postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void }

/** A fresh worker global scope as far as lockDown sees it: postMessage inherited, Worker and SharedWorker its own. */
function open() {
  const prototype = {
    postMessage(this: Scope, message: unknown, transfer?: unknown) {
      this.posted.push(transfer === undefined ? message : { message, transfer })
    },
  }
  const scope = Object.assign(Object.create(prototype) as Scope, { posted: [], Worker: class {}, SharedWorker: class {} })
  return { scope, post: lockDown(scope) }
}

beforeEach(() => {
  // Every message within one budget window, however slow the machine running the test is.
  vi.spyOn(performance, 'now').mockReturnValue(1_000)
})

afterEach(() => vi.restoreAllMocks())

describe('lockDown', () => {
  it('withholds Worker and SharedWorker', () => {
    const { scope } = open()
    expect(scope.Worker).toBeUndefined()
    expect(scope.SharedWorker).toBeUndefined()
  })

  it('stops what plugin code posts itself past 5,000 messages a tenth of a second, saying so once', () => {
    const { scope, post } = open()
    for (let id = 1; id <= 5_010; id++) scope.postMessage({ type: 'progress', id, done: 1, total: 2 })
    post({ type: 'reply', id: 1, ok: true, value: 'too late' })
    expect(scope.posted).toHaveLength(5_001)
    expect(scope.posted[4_999]).toEqual({ type: 'progress', id: 5_000, done: 1, total: 2 })
    expect(scope.posted[5_000]).toBe(FLOOD_NOTICE)
  })

  it('counts each message of a batch, and the runtime’s posts and the plugin’s against one budget', () => {
    const { scope, post } = open()
    const batch = Array.from({ length: 4_999 }, (_, fsId) => ({ type: 'fs', id: 1, fsId, op: 'writeText', args: ['a.txt', 'a'] }))
    post(batch)
    scope.postMessage({ type: 'log', id: 1, message: 'last one in' })
    scope.postMessage([{ type: 'log', id: 1, message: 'over' }])
    expect(scope.posted).toEqual([batch, { type: 'log', id: 1, message: 'last one in' }, FLOOD_NOTICE])
  })

  it('gives a new budget each tenth of a second', () => {
    const { scope } = open()
    const now = vi.spyOn(performance, 'now')
    for (let window = 0; window < 3; window++) {
      now.mockReturnValue(1_000 + window * 100)
      for (let index = 0; index < 5_000; index++) scope.postMessage(index)
    }
    expect(scope.posted).toHaveLength(15_000)
    expect(scope.posted).not.toContain(FLOOD_NOTICE)
  })

  it('keeps the runtime’s post when plugin code replaces postMessage, and passes transfers on', () => {
    const { scope, post } = open()
    const { port1 } = new MessageChannel()
    scope.postMessage({ type: 'log', id: 1, message: 'port' }, [port1])
    scope.postMessage = () => undefined
    post({ type: 'reply', id: 1, ok: true, value: 1 })
    expect(scope.posted).toEqual([
      { message: { type: 'log', id: 1, message: 'port' }, transfer: [port1] },
      { type: 'reply', id: 1, ok: true, value: 1 },
    ])
    port1.close()
  })
})
