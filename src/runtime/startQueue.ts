/**
 * Lets one start at a time through: a heavy runtime (CPython in WebAssembly) started by several sandboxes
 * at once makes each of them slow enough to miss its time limit. A start's time limit counts from its turn.
 */
export class StartQueue {
  private last: Promise<void> = Promise.resolve()

  /** Waits for the turn; the returned function ends it. */
  async enter(): Promise<() => void> {
    let leave!: () => void
    const turn = new Promise<void>((resolve) => (leave = resolve))
    const before = this.last
    this.last = before.then(() => turn)
    await before
    return leave
  }
}
