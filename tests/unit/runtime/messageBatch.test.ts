import { describe, expect, it, vi } from 'vitest'
import { batchingPost, forEachMessage } from '../../../src/runtime/messageBatch'

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('batchingPost', () => {
  it('sends the messages of one task together, in order, once the task is over', async () => {
    const send = vi.fn()
    const { post } = batchingPost<number>(send)
    post(1)
    post(2)
    post(3)
    expect(send).not.toHaveBeenCalled()
    await nextTask()
    expect(send.mock.calls).toEqual([[[1, 2, 3]]])
  })

  it('sends a lone message as itself, and starts a new batch after each send', async () => {
    const send = vi.fn()
    const { post } = batchingPost<string>(send)
    post('a')
    await nextTask()
    post('b')
    post('c')
    await nextTask()
    expect(send.mock.calls).toEqual([['a'], [['b', 'c']]])
  })

  it('flush sends what is gathered at once, and nothing when nothing is', async () => {
    const send = vi.fn()
    const { post, flush } = batchingPost<number>(send)
    flush()
    post(1)
    post(2)
    flush()
    expect(send.mock.calls).toEqual([[[1, 2]]])
    await nextTask()
    expect(send).toHaveBeenCalledTimes(1)
  })
})

describe('forEachMessage', () => {
  it('hands over each message of a batch, or the data itself', () => {
    const seen: unknown[] = []
    forEachMessage([1, { type: 'x' }], (message) => seen.push(message))
    forEachMessage('lone', (message) => seen.push(message))
    expect(seen).toEqual([1, { type: 'x' }, 'lone'])
  })
})
