import { formatCount } from '../core/format'
/** Our runtime sends a few dozen messages a second; plugin code posting in a loop sends millions. */
export const MAX_MESSAGES_PER_SECOND = 50_000
/** Counted over short windows, so a flood is caught before a large backlog builds up. */
export const BUDGET_WINDOW_MS = 100
export const FLOOD_MESSAGE = `the plugin sent more than ${formatCount(MAX_MESSAGES_PER_SECOND)} messages in a second`
