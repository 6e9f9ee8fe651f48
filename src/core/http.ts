/** True for an http: or https: URL, the only ones the playground fetches plugins, registries and manuals from. */
export function isHttpUrl(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:'
}

/** Why a response that is not ok is refused: `HTTP 404 Not Found for <url>`. */
export function httpStatusMessage(response: { status: number; statusText: string }, url: string): string {
  return `HTTP ${[response.status, response.statusText].filter(Boolean).join(' ')} for ${url}`
}
