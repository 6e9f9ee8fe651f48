/** The last `max` lines of a log, with a count of the lines dropped before them. */
export class LogTail {
  readonly lines: string[] = []
  dropped = 0

  constructor(private readonly max: number) {}

  /** Adds a message; a message with newlines is several lines. */
  append(message: string): void {
    for (const line of message.split('\n')) this.lines.push(line)
    const excess = this.lines.length - this.max
    if (excess > 0) {
      this.lines.splice(0, excess)
      this.dropped += excess
    }
  }
}
