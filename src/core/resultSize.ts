import { MiB, formatLimit, formatSize } from './format'

/** A command's result crosses to the page whole and is shown there: past this size it is refused. */
export const MAX_RESULT_BYTES = 16 * MiB

/** Why a result is too large to hand to the page (its size and the limit, for the message), or undefined. */
export function oversizedResult(result: unknown): { size: string; limit: string } | undefined {
  let length: number
  try {
    length = JSON.stringify(result, (_, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))?.length ?? 0
  } catch {
    // Cycles: the structured clone copies them, and the page marks them; their size is not the concern here.
    return undefined
  }
  // UTF-16 code units: a fair measure of what the page will hold, without encoding the text again.
  return length > MAX_RESULT_BYTES ? { size: formatSize(length), limit: formatLimit(MAX_RESULT_BYTES) } : undefined
}
