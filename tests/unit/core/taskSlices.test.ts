import { afterEach, describe, expect, it, vi } from 'vitest'
import { mapInSlices, SLICE_BUDGET_MS } from '../../../src/core/taskSlices'

afterEach(() => vi.restoreAllMocks())

/** A clock that moves only when an item is mapped, by `stepMs`. */
function fakeClock(stepMs: number): () => void {
  let now = 0
  vi.spyOn(performance, 'now').mockImplementation(() => now)
  return () => (now += stepMs)
}

describe('work in slices', () => {
  it('maps every item, in order', async () => {
    expect(await mapInSlices([1, 2, 3], (item) => item * 2)).toEqual([2, 4, 6])
    expect(await mapInSlices([], (item) => item)).toEqual([])
  })

  it('maps within the current task while the slice is within its budget', () => {
    const tick = fakeClock(1)
    const mapped: number[] = []
    void mapInSlices([1, 2, 3], (item) => mapped.push(item) && tick())
    expect(mapped).toEqual([1, 2, 3])
  })

  it('leaves the rest to later tasks once a slice has used its budget', async () => {
    const tick = fakeClock(SLICE_BUDGET_MS + 1)
    const mapped: string[] = []
    const done = mapInSlices(['a', 'b', 'c'], (item) => {
      mapped.push(item)
      tick()
      return item.toUpperCase()
    })
    expect(mapped).toEqual(['a'])
    expect(await done).toEqual(['A', 'B', 'C'])
  })
})
