import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fixtureWheel } from './fixtureWheels'
import { serveGenerated } from './generatedRegistry'
import { serveMalformed } from './malformedRegistries'

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.md': 'text/markdown' }

/**
 * A second origin for the browser tests, serving e2e/fixtures three ways:
 * `/cors/…` with `Access-Control-Allow-Origin: *`, `/nocors/…` without it, `/text/…` as text/plain with CORS.
 * `__APP_ORIGIN__` in a served file becomes the app's origin, for probes that try to reach the app.
 * `…/py/<wheel>` serves the wheels of the test plugins in tests/fixtures/python/.
 * `__SECOND_ORIGIN__` becomes this server under its other host name (127.0.0.1 instead of localhost): another origin.
 * A registry asked for with `?plugins=a,b` keeps only those plugins, so one corpus can serve many small registries.
 * `/generated/…` serves registries of many generated plugins (see generatedRegistry.ts); `/malformed/…` and
 * `/redirect/…` serve broken manifests and a redirect to another origin (see malformedRegistries.ts).
 * Every request is recorded so tests can prove what was (not) fetched.
 */
export interface FixtureServer {
  origin: string
  requests: string[]
  close(): Promise<void>
}

async function serveWheel(fileName: string, response: ServerResponse): Promise<void> {
  const bytes = await fixtureWheel(fileName)
  if (!bytes) return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
  response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store' }).end(bytes)
}

export async function startFixtureServer(appOrigin: string): Promise<FixtureServer> {
  const requests: string[] = []
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fixture.invalid')
    requests.push(url.pathname + url.search)
    if (serveGenerated(url, response) || serveMalformed(url, request, response)) return
    const [, mode, ...rest] = url.pathname.split('/')
    const file = normalize(join(FIXTURES, ...rest))
    if (mode === 'cors' || mode === 'text') response.setHeader('Access-Control-Allow-Origin', '*')
    if (rest[0] === 'py' && rest.length === 2 && ['cors', 'nocors'].includes(mode)) return void serveWheel(rest[1], response)
    if (!['cors', 'nocors', 'text'].includes(mode) || !file.startsWith(FIXTURES) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
      return
    }
    const type = mode === 'text' ? 'text/plain' : (TYPES[extname(file)] ?? 'application/octet-stream')
    response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' })
    const text = readFileSync(file, 'utf8')
      .replaceAll('__APP_ORIGIN__', appOrigin)
      .replaceAll('__SECOND_ORIGIN__', `http://127.0.0.1:${request.socket.localPort}`)
    const picked = url.searchParams.get('plugins')
    response.end(picked === null ? text : pickPlugins(text, picked.split(',')))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  // `localhost` keeps it a different site from the app at 127.0.0.1, as a real third-party host would be.
  return {
    origin: `http://localhost:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        // The browser keeps connections alive; close() alone would wait for them.
        server.closeAllConnections()
      }),
  }
}

function pickPlugins(registryText: string, names: string[]): string {
  const registry = JSON.parse(registryText)
  const group = registry['entry-points']['strataregula.plugins']
  registry['entry-points']['strataregula.plugins'] = Object.fromEntries(names.map((name) => [name, group[name]]))
  return JSON.stringify(registry)
}
