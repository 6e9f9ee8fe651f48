import { describe, expect, it, vi } from 'vitest'
import { type PoolMember, SandboxPool } from '../../../src/runtime/sandboxPool'

class Member implements PoolMember {
  isBusy = false
  readonly retire = vi.fn(() => this.pool.leave(this))
  constructor(
    private readonly pool: SandboxPool,
    readonly weight = 1,
  ) {}
}

/** Whether `promise` has settled after the microtasks queued so far. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false
  void promise.then(() => (settled = true))
  await new Promise((resolve) => setTimeout(resolve))
  return settled
}

describe('SandboxPool', () => {
  it('admits members up to its budget, then retires the least recently used idle one', async () => {
    const pool = new SandboxPool(3)
    const [a, b, c, d] = Array.from({ length: 4 }, () => new Member(pool))
    for (const member of [a, b, c]) await pool.admit(member)
    pool.touch(a)
    await pool.admit(d)
    expect(b.retire).toHaveBeenCalledOnce()
    expect(a.retire).not.toHaveBeenCalled()
    expect(c.retire).not.toHaveBeenCalled()
    expect(pool.liveCount).toBe(3)
  })

  it('never retires a busy member: the newcomer waits until one is idle', async () => {
    const pool = new SandboxPool(2)
    const [a, b, c] = Array.from({ length: 3 }, () => new Member(pool))
    await pool.admit(a)
    await pool.admit(b)
    a.isBusy = b.isBusy = true
    const admitted = pool.admit(c)
    expect(await isSettled(admitted)).toBe(false)
    b.isBusy = false
    pool.idle()
    await admitted
    expect(b.retire).toHaveBeenCalledOnce()
    expect(a.retire).not.toHaveBeenCalled()
  })

  it('admits a waiting member when another leaves by itself', async () => {
    const pool = new SandboxPool(1)
    const [a, b] = [new Member(pool), new Member(pool)]
    await pool.admit(a)
    a.isBusy = true
    const admitted = pool.admit(b)
    expect(await isSettled(admitted)).toBe(false)
    pool.leave(a)
    await admitted
    expect(a.retire).not.toHaveBeenCalled()
  })

  it('counts weights against the budget, and retires only when that makes enough room', async () => {
    const pool = new SandboxPool(8)
    const light = Array.from({ length: 6 }, () => new Member(pool))
    for (const member of light) await pool.admit(member)
    light[0].isBusy = light[1].isBusy = light[2].isBusy = light[3].isBusy = light[4].isBusy = true
    const heavy = new Member(pool, 5)
    const admitted = pool.admit(heavy)
    expect(await isSettled(admitted)).toBe(false)
    // One idle member of weight 1 cannot make room for 5: it is left alone.
    expect(light[5].retire).not.toHaveBeenCalled()
    for (const member of light) member.isBusy = false
    pool.idle()
    await admitted
    expect(pool.liveWeight).toBeLessThanOrEqual(8)
    expect(light.filter((member) => member.retire.mock.calls.length > 0)).toHaveLength(3)
  })

  it('admits a member heavier than the whole budget once it would be alone', async () => {
    const pool = new SandboxPool(4)
    const small = new Member(pool)
    await pool.admit(small)
    await pool.admit(new Member(pool, 10))
    expect(small.retire).toHaveBeenCalledOnce()
    expect(pool.liveWeight).toBe(10)
  })

  it('admits a live member again at once, counting it once', async () => {
    const pool = new SandboxPool(1)
    const a = new Member(pool)
    await pool.admit(a)
    await pool.admit(a)
    expect(pool.liveCount).toBe(1)
  })
})
