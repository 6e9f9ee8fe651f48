import { describe, expect, it } from 'vitest'
import { parseWorkerMessage } from '../../../src/runtime/parseWorkerMessage'

describe('parseWorkerMessage', () => {
  it.each([
    { type: 'reply', id: 1, ok: true, value: { any: ['thing'] } },
    { type: 'reply', id: 1, ok: true, value: undefined },
    { type: 'reply', id: 2, ok: false, message: 'failed' },
    { type: 'stage', id: 1, stage: 'import' },
    { type: 'stage', id: 1, stage: 'create' },
    { type: 'stage', id: 1, stage: 'get_info' },
    { type: 'log', id: 3, message: '' },
    { type: 'progress', id: 3, done: 0, total: 0 },
    { type: 'progress', id: 3, done: -1.5, total: 10, label: 'step' },
    { type: 'fs', id: 3, fsId: 1, op: 'anything', args: [] },
  ])('takes %j as it is', (message) => {
    expect(parseWorkerMessage(message)).toEqual(message)
  })

  it('keeps only the fields of the protocol', () => {
    expect(parseWorkerMessage({ type: 'log', id: 1, message: 'hi', extra: true })).toEqual({ type: 'log', id: 1, message: 'hi' })
    expect(parseWorkerMessage({ type: 'reply', id: 1, ok: false, message: 'x', value: 1 })).toEqual({ type: 'reply', id: 1, ok: false, message: 'x' })
  })

  it.each([
    ['undefined', undefined],
    ['text', 'hello'],
    ['a number', 1],
    ['a list', [{ type: 'log', id: 1, message: 'x' }]],
    ['a Map', new Map([['type', 'log']])],
    ['an unknown type', { type: 'abort', id: 1, reason: 'timeout' }],
    ['a negative infinite id', { type: 'log', id: -Infinity, message: 'x' }],
    ['an id past the safe integers', { type: 'log', id: 2 ** 53, message: 'x' }],
    ['an id as text', { type: 'log', id: '1', message: 'x' }],
    ['a reply that is neither ok nor failed', { type: 'reply', id: 1, value: 1 }],
    ['a failed reply with a number', { type: 'reply', id: 1, ok: false, message: 5 }],
    ['an unknown stage', { type: 'stage', id: 1, stage: 'call' }],
    ['a log that is not text', { type: 'log', id: 1, message: ['x'] }],
    ['progress as text', { type: 'progress', id: 1, done: '1', total: '2' }],
    ['progress of NaN', { type: 'progress', id: 1, done: 1, total: Number.NaN }],
    ['a label that is not text', { type: 'progress', id: 1, done: 1, total: 2, label: null }],
    ['a file request without its id', { type: 'fs', id: 1, op: 'list', args: [] }],
    ['a file request with a fractional id', { type: 'fs', id: 1, fsId: 0.5, op: 'list', args: [] }],
    ['a file operation that is not text', { type: 'fs', id: 1, fsId: 1, op: 7, args: [] }],
    ['file arguments that are not a list', { type: 'fs', id: 1, fsId: 1, op: 'list', args: { 0: 'dir' } }],
  ])('drops %s', (_, data) => {
    expect(parseWorkerMessage(data)).toBeUndefined()
  })
})
