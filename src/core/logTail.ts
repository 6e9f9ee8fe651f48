/** The most lines of a run's log kept on the way from the sandbox to the page, and shown there. */
export const MAX_LOG_LINES = 5_000

/** The last `max` lines of a log, with a count of the lines dropped before them. */
export class LogTail {
  private buffer: string[] = []
  private droppedLines = 0

  constructor(private readonly max: number) {}

  /** Adds a message; a message with newlines is several lines. */
  append(message: string): void {
    for (const line of message.split('\n')) this.buffer.push(line)
    // Trimmed in bulk: dropping one line per append would move the whole tail every time.
    if (this.buffer.length > 2 * this.max) this.trim()
  }

  get lines(): string[] {
    this.trim()
    return this.buffer
  }

  get dropped(): number {
    this.trim()
    return this.droppedLines
  }

  private trim(): void {
    const excess = this.buffer.length - this.max
    if (excess <= 0) return
    this.buffer = this.buffer.slice(excess)
    this.droppedLines += excess
  }
}
