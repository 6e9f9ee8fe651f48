/**
 * Requests of one kind of which only the latest counts (a listing, an opening): each `begin()` gives a
 * check that stays true until a later request begins or `cancel()` drops them all.
 */
export class LatestRequest {
  private latest = 0

  /** True once a request has begun. */
  get started(): boolean {
    return this.latest > 0
  }

  begin(): () => boolean {
    const request = ++this.latest
    return () => request === this.latest
  }

  /** Makes every request begun so far stale. */
  cancel(): void {
    this.latest += 1
  }
}
