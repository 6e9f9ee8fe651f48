import { expect, test } from 'vitest'
import { outcomes } from '../../../src/core/hostOutcomes'
import { MAX_RESULT_BYTES, oversizedResult } from '../../../src/core/resultSize'

test('a result within the limit passes, BigInt and cycles included', () => {
  const cyclic: Record<string, unknown> = { status: 'success' }
  cyclic.self = cyclic
  expect(oversizedResult({ status: 'success', big: 2n ** 64n, text: 'x'.repeat(1000) })).toBeUndefined()
  expect(oversizedResult(cyclic)).toBeUndefined()
})

test('a result past the limit is refused with its size and the limit', () => {
  const oversized = oversizedResult({ status: 'success', blob: 'x'.repeat(MAX_RESULT_BYTES) })
  expect(oversized).toEqual({ size: '16.1 MiB', limit: '16 MiB' })
  expect(outcomes.resultTooLarge(oversized!.size, oversized!.limit)).toEqual({
    status: 'error',
    message: 'Plugin returned a result of 16.1 MiB; the limit is 16 MiB',
  })
})
