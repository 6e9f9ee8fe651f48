import { httpStatusMessage } from '../core/http'

const JAVASCRIPT_MIME = /^(text|application)\/(javascript|ecmascript|x-javascript)\b/i

export type FetchOutcome = { ok: true; response: Response } | { ok: false; reason: string }

/**
 * Fetches `url` and, when that fails, says why in words: unreachable, refused by CORS, or an HTTP status.
 * Browsers hide the cause of a CORS refusal; a second, no-cors request tells it apart from a dead server.
 */
export async function fetchExplained(url: string, init: RequestInit = {}): Promise<FetchOutcome> {
  let response: Response
  try {
    response = await fetch(url, { cache: 'no-store', ...init })
  } catch {
    try {
      await fetch(url, { mode: 'no-cors', cache: 'no-store' })
    } catch {
      return { ok: false, reason: `network error: ${url} could not be reached` }
    }
    return { ok: false, reason: `CORS refused: ${url} was served without Access-Control-Allow-Origin` }
  }
  if (!response.ok) return { ok: false, reason: httpStatusMessage(response, url) }
  return { ok: true, response }
}

/** Why `url` cannot be imported as a module, or undefined when it is served as JavaScript. */
export async function diagnoseModuleFetch(url: string): Promise<string | undefined> {
  const outcome = await fetchExplained(url)
  if (!outcome.ok) return outcome.reason
  const contentType = outcome.response.headers.get('content-type') ?? ''
  if (!JAVASCRIPT_MIME.test(contentType)) {
    // Single-page hosts answer unknown paths with their index page, so HTML usually means a wrong path.
    const hint = /^text\/html\b/i.test(contentType) ? '; the server answered with an HTML page: is the path right?' : ''
    return `wrong MIME type "${contentType || 'none'}" for ${url} (a module must be served as JavaScript${hint})`
  }
  return undefined
}
