import { errorMessage } from '../core/errorMessage'
import { readAtMost, TooLargeError } from '../core/readAtMost'
import { fetchExplained } from '../runtime/fetchDiagnosis'
import { MiB, formatLimit } from '../core/format'

/** A manual is a page of text; anything far larger is a mistake. */
const MAX_MANUAL_BYTES = MiB
const MANUAL_TIME_LIMIT_MS = 15_000

export type FetchedManual = { ok: true; text: string } | { ok: false; reason: string }

/** The text of a plugin's Markdown manual; every failure is a reason in words, never a throw. */
export async function fetchManual(url: string): Promise<FetchedManual> {
  const outcome = await fetchExplained(url, { credentials: 'omit', signal: AbortSignal.timeout(MANUAL_TIME_LIMIT_MS) })
  if (!outcome.ok) return outcome
  try {
    const body = outcome.response.body
    const bytes = body ? await readAtMost(body, MAX_MANUAL_BYTES) : new Uint8Array()
    return { ok: true, text: new TextDecoder().decode(bytes) }
  } catch (error) {
    if (error instanceof TooLargeError) return { ok: false, reason: `the manual is larger than ${formatLimit(MAX_MANUAL_BYTES)}` }
    return { ok: false, reason: `could not be read (${errorMessage(error)})` }
  }
}
