import { formatCount } from '../core/format'
/** Our runtime sends a few dozen messages a second; plugin code posting in a loop sends millions. */
export const MAX_MESSAGES_PER_SECOND = 50_000
/** Counted over short windows, so a flood is caught before a large backlog builds up. */
export const BUDGET_WINDOW_MS = 100
export const MESSAGES_PER_WINDOW = (MAX_MESSAGES_PER_SECOND * BUDGET_WINDOW_MS) / 1000
export const FLOOD_MESSAGE = `the plugin sent more than ${formatCount(MAX_MESSAGES_PER_SECOND)} messages in a second`
/** What a sandbox worker posts last, once what it posts passes its budget: the frame then stops it. */
export const FLOOD_NOTICE = 'strataregula-sandbox:flood'

/** How many protocol messages `data` holds: each message of a batch counts (see `messageBatch.ts`). */
export function messageCount(data: unknown): number {
  return Array.isArray(data) ? data.length : 1
}

/** Messages counted per window of {@link BUDGET_WINDOW_MS}. */
export class MessageBudget {
  private windowStart = 0
  private spent = 0

  constructor(private readonly perWindow: number = MESSAGES_PER_WINDOW) {}

  /** Counts `count` more messages; false once the window holds more than the budget. */
  spend(count: number): boolean {
    const now = performance.now()
    if (now - this.windowStart >= BUDGET_WINDOW_MS) {
      this.windowStart = now
      this.spent = 0
    }
    this.spent += count
    return this.spent <= this.perWindow
  }
}
