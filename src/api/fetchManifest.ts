import { parseManifest } from '../core/manifest/parseManifest'
import { unreachableManifest, type ParsedManifest } from '../core/manifest/types'
import { readAtMost, TooLargeError } from '../core/readAtMost'
import { fetchExplained } from '../runtime/fetchDiagnosis'
import { MiB, formatLimit } from '../core/format'
import { isHttpUrl } from '../core/http'
import { errorMessage } from '../core/errorMessage'

/** A registry is a short list of plugins; anything far larger is a mistake or an attack on the page. */
const MAX_MANIFEST_BYTES = MiB
const MANIFEST_TIME_LIMIT_MS = 15_000

class ManifestUnreachable extends Error {}

/**
 * Fetches and parses one registry manifest and lists the plugins of its wheels; every failure becomes a
 * problem of that manifest, never a throw.
 */
export async function fetchManifest(url: string, timeLimitMs = MANIFEST_TIME_LIMIT_MS): Promise<ParsedManifest> {
  let read: { text: string; finalUrl: string }
  try {
    read = await fetchManifestText(url, timeLimitMs)
  } catch (error) {
    return unreachableManifest(url, error instanceof ManifestUnreachable ? error.message : `could not be read (${errorMessage(error)})`)
  }
  const parsed = parseManifest(read.text, url, read.finalUrl)
  if (parsed.wheels.length === 0) return parsed
  // Reading wheels takes an unzip library: it loads with the first manifest that lists wheels, not with the page.
  const { fetchWheelPlugins } = await import('./fetchWheels')
  return fetchWheelPlugins(parsed)
}

async function fetchManifestText(url: string, timeLimitMs: number): Promise<{ text: string; finalUrl: string }> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new ManifestUnreachable(`not a valid URL: ${JSON.stringify(url)}`)
  }
  if (!isHttpUrl(parsed)) {
    throw new ManifestUnreachable(`unsupported URL scheme "${parsed.protocol}" (use http or https)`)
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeLimit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ManifestUnreachable(`no answer within ${timeLimitMs / 1000} s`)), timeLimitMs)
  })
  try {
    const outcome = await Promise.race([fetchExplained(url, { credentials: 'omit' }), timeLimit])
    if (!outcome.ok) throw new ManifestUnreachable(outcome.reason)
    // Single-page hosts answer a wrong path with their index page: say so rather than fail to parse it.
    if (/^text\/html\b/i.test(outcome.response.headers.get('content-type') ?? '')) {
      throw new ManifestUnreachable('not a registry manifest: the server answered an HTML page (text/html)')
    }
    const body = outcome.response.body
    const bytes = body ? await Promise.race([readAtMost(body, MAX_MANIFEST_BYTES), timeLimit]) : new Uint8Array()
    // After redirects the manifest lives where it was read: its relative URLs and the consent asked follow that.
    return { text: new TextDecoder().decode(bytes), finalUrl: outcome.response.url || url }
  } catch (error) {
    if (error instanceof TooLargeError) throw new ManifestUnreachable(`the manifest is larger than ${formatLimit(MAX_MANIFEST_BYTES)}`)
    throw error
  } finally {
    clearTimeout(timer)
  }
}
