/**
 * A `Storage` kept in memory, for code that expects the browser's localStorage. `quota` (in characters of
 * keys and values) makes `setItem` fail as browsers do.
 */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  [name: string]: unknown

  constructor(private readonly quota = Infinity) {}

  get length(): number {
    return this.items.size
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null
  }

  setItem(key: string, value: string): void {
    const text = String(value)
    let used = key.length + text.length
    for (const [other, stored] of this.items) if (other !== key) used += other.length + stored.length
    if (used > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    this.items.set(key, text)
  }

  removeItem(key: string): void {
    this.items.delete(key)
  }

  clear(): void {
    this.items.clear()
  }
}
