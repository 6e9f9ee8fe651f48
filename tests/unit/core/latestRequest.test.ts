import { describe, expect, it } from 'vitest'
import { LatestRequest } from '../../../src/core/latestRequest'

describe('LatestRequest', () => {
  it('keeps only the latest request current', () => {
    const requests = new LatestRequest()
    expect(requests.started).toBe(false)
    const first = requests.begin()
    expect([requests.started, first()]).toEqual([true, true])
    const second = requests.begin()
    expect([first(), second()]).toEqual([false, true])
  })

  it('makes every request stale on cancel', () => {
    const requests = new LatestRequest()
    const request = requests.begin()
    requests.cancel()
    expect(request()).toBe(false)
  })
})
