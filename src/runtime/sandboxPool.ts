/** How many sandboxes of weight 1 (a JavaScript worker) may be live at once, by default. */
export const DEFAULT_SANDBOX_BUDGET = 8

/** A sandbox as the pool sees it; any sandbox kind can be one. */
export interface PoolMember {
  /** What it counts against the budget while live: 1 for a JavaScript worker, more for heavier kinds. */
  readonly weight: number
  /** True while it must not be retired: a request in progress, or a cancelled run's grace period. */
  readonly isBusy: boolean
  /** Stops its worker; its next use starts a fresh one. Called only when it is not busy. */
  retire(): void
}

interface Waiter {
  member: PoolMember
  admitted(): void
}

/**
 * Bounds the sandboxes that are live at once by the sum of their weights. A sandbox asks for room before it
 * starts its worker; room is made by retiring idle sandboxes, least recently used first. Busy ones are never
 * retired: when all are busy, the sandbox waits until one is idle or gone. A sandbox heavier than the whole
 * budget gets in once it would be alone.
 */
export class SandboxPool {
  /** Live members, least recently used first. */
  private readonly live = new Set<PoolMember>()
  private readonly waiting: Waiter[] = []

  constructor(readonly budget: number = DEFAULT_SANDBOX_BUDGET) {}

  get liveWeight(): number {
    let total = 0
    for (const member of this.live) total += member.weight
    return total
  }

  get liveCount(): number {
    return this.live.size
  }

  /** Resolves once `member` may start its worker; at once when it is live already. */
  admit(member: PoolMember): Promise<void> {
    this.touch(member)
    if (this.live.has(member)) return Promise.resolve()
    return new Promise((admitted) => {
      this.waiting.push({ member, admitted })
      this.admitWaiting()
    })
  }

  /** `member` is being used: it becomes the most recently used. */
  touch(member: PoolMember): void {
    if (!this.live.delete(member)) return
    this.live.add(member)
  }

  /** `member`'s worker stopped, for whatever reason: its room is free. */
  leave(member: PoolMember): void {
    if (this.live.delete(member)) this.admitWaiting()
  }

  /** A member stopped being busy: sandboxes waiting for room may get it now. */
  idle(): void {
    this.admitWaiting()
  }

  private admitWaiting(): void {
    while (this.waiting.length > 0) {
      const next = this.waiting[0]
      if (!this.makeRoom(next.member.weight)) return
      this.waiting.shift()
      this.live.add(next.member)
      next.admitted()
    }
  }

  /** Retires idle members, least recently used first, until `weight` fits; false when it cannot fit yet. */
  private makeRoom(weight: number): boolean {
    const needed = () => this.liveWeight + weight - this.budget
    if (needed() <= 0 || this.live.size === 0) return true
    const idle = [...this.live].filter((member) => !member.isBusy)
    let freeable = 0
    for (const member of idle) freeable += member.weight
    // Retire nothing unless it is enough: a heavy sandbox must not empty the pool and still wait.
    if (freeable < needed() && idle.length < this.live.size) return false
    for (const member of idle) {
      if (needed() <= 0) break
      this.live.delete(member)
      member.retire()
    }
    return needed() <= 0 || this.live.size === 0
  }
}
