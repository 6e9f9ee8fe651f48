import { parseManifest } from '../core/manifest/parseManifest'
import type { ParsedManifest } from '../core/manifest/types'
import { fetchExplained } from '../runtime/fetchDiagnosis'

/** Fetches and parses one registry manifest; a fetch failure becomes a problem of that manifest. */
export async function fetchManifest(url: string): Promise<ParsedManifest> {
  const outcome = await fetchExplained(url, { credentials: 'omit' })
  if (!outcome.ok) {
    return { url, entries: [], problems: [{ manifestUrl: url, path: '', message: outcome.reason, unreachable: true }] }
  }
  return parseManifest(await outcome.response.text(), url)
}
