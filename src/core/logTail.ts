import { MiB } from './format'

/** The most lines of a run's log kept on the way from the sandbox to the page, and shown there. */
export const MAX_LOG_LINES = 5_000
/** The most characters of a run's log kept and shown (the newest lines whose lengths sum to at most this). */
export const MAX_LOG_CHARS = 1 * MiB

/**
 * How many of the oldest `lines` to drop so that at most `maxLines` lines of at most `maxChars` characters in
 * all are left. The newest line always stays.
 */
export function linesToDrop(lines: readonly string[], maxLines = MAX_LOG_LINES, maxChars = MAX_LOG_CHARS): number {
  let kept = 0
  let chars = 0
  for (let index = lines.length - 1; index >= 0 && kept < maxLines; index--) {
    chars += lines[index].length
    if (chars > maxChars && kept > 0) break
    kept += 1
  }
  return lines.length - kept
}

/** The newest lines of a log, with a count of the lines dropped before them. */
export class LogTail {
  private buffer: string[] = []
  private bufferChars = 0
  private droppedLines = 0

  constructor(
    private readonly maxLines = MAX_LOG_LINES,
    private readonly maxChars = MAX_LOG_CHARS,
  ) {}

  /** Adds a message; a message with newlines is several lines. */
  append(message: string): void {
    for (const line of message.split('\n')) this.buffer.push(line)
    this.bufferChars += message.length
    // Trimmed in bulk: dropping one line per append would move the whole tail every time.
    if (this.buffer.length > 2 * this.maxLines || this.bufferChars > 2 * this.maxChars) this.trim()
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
    const excess = linesToDrop(this.buffer, this.maxLines, this.maxChars)
    if (excess === 0) return
    this.buffer = this.buffer.slice(excess)
    this.bufferChars = this.buffer.reduce((sum, line) => sum + line.length + 1, 0)
    this.droppedLines += excess
  }
}
