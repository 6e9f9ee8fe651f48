import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Malformed registry manifests, served by the fixture server under `/malformed/<kind>.json`, each also
 * declaring `good` (the corpus plugin) where it can, so a test sees that the rest of it still loads:
 * - `huge`: 5 MB of JSON; `many`: 10,000 plugins; `deep`: a module nested 100,000 arrays deep;
 * - `names`: plugin and registry names of HTML, right-to-left overrides and non-ASCII letters;
 * - `schemes`: modules at `javascript:`, `data:`, `blob:` and `file:` URLs;
 * - `bad-entries`: 40 entries with invalid names.
 * `/redirect/<path>` answers 302 to `<path>` on the same server under its other host name (127.0.0.1 instead of
 * localhost: another origin).
 */
export const HOSTILE_REGISTRY_NAME = '<img src=x onerror="window.__registryNameRan = true">\u202eyrtsiger'

const GOOD = '/cors/corpus/good.js:GoodPlugin'
const CORS = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' }

function plugins(group: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...extra, 'entry-points': { 'strataregula.plugins': group } })
}

const MANIFESTS: Record<string, () => string> = {
  huge: () => plugins({ good: GOOD }, { description: 'x'.repeat(5 * 1024 * 1024) }),
  many: () => plugins(Object.fromEntries(Array.from({ length: 10_000 }, (_, index) => [`p${index}`, `/cors/corpus/good.js:GoodPlugin`]))),
  deep: () => `{"entry-points":{"strataregula.plugins":{"deep":{"module":${'['.repeat(100_000)}${']'.repeat(100_000)}},"good":"${GOOD}"}}}`,
  names: () =>
    plugins({ '<img src=x onerror="window.__pluginNameRan = true">': GOOD, '\u202eevil': GOOD, café: GOOD, good: GOOD }, { name: HOSTILE_REGISTRY_NAME }),
  schemes: () =>
    plugins({
      js: 'javascript:alert(1)',
      data: 'data:text/javascript,export default {}',
      blob: 'blob:http://127.0.0.1/0b6a',
      file: 'file:///etc/passwd',
      good: GOOD,
    }),
  'bad-entries': () => plugins({ ...Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`bad ${index}`, GOOD])), good: GOOD }),
}

/** Answers a request for a malformed manifest or a redirect; false when `url` is neither. */
export function serveMalformed(url: URL, request: IncomingMessage, response: ServerResponse): boolean {
  if (url.pathname.startsWith('/redirect/')) {
    const target = `http://127.0.0.1:${request.socket.localPort}${url.pathname.slice('/redirect'.length)}${url.search}`
    response.writeHead(302, { ...CORS, Location: target }).end()
    return true
  }
  const match = /^\/malformed\/([\w-]+)\.json$/.exec(url.pathname)
  if (!match) return false
  const manifest = MANIFESTS[match[1]!]
  if (!manifest) response.writeHead(404, { ...CORS, 'Content-Type': 'text/plain' }).end('not found')
  else response.writeHead(200, { ...CORS, 'Content-Type': 'application/json' }).end(manifest())
  return true
}
