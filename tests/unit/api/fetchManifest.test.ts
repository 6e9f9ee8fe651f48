import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchManifest } from '../../../src/api/fetchManifest'
import { describeProblem } from '../../../src/core/manifest/types'

let server: Server
let base = ''

beforeAll(async () => {
  server = createServer((request, response) => {
    switch (request.url) {
      case '/good.json':
        response.end(JSON.stringify({ name: 'Good', 'entry-points': { 'strataregula.plugins': { a: './a.js:A' } } }))
        return
      case '/moved.json':
        response.writeHead(302, { Location: '/mirror/good.json' }).end()
        return
      case '/mirror/good.json':
        response.end(JSON.stringify({ name: 'Good', 'entry-points': { 'strataregula.plugins': { a: './a.js:A' } } }))
        return
      case '/index.html':
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>App</title>')
        return
      case '/huge.json':
        response.write('{"name": "')
        for (let chunk = 0; chunk < 40; chunk++) response.write('x'.repeat(64 * 1024))
        response.end('"}')
        return
      case '/slow.json':
        setTimeout(() => response.end('{}'), 2_000)
        return
      default:
        response.writeHead(404, 'Not Found').end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => {
  server.closeAllConnections()
  server.close()
})

const problemsOf = async (url: string, timeLimitMs?: number) => (await fetchManifest(url, timeLimitMs)).problems.map(describeProblem)

describe('fetchManifest', () => {
  it('fetches and parses a manifest', async () => {
    const manifest = await fetchManifest(`${base}/good.json`)
    expect(manifest.problems).toEqual([])
    expect(manifest.entries.map((entry) => entry.kind === 'module' && entry.moduleUrl)).toEqual([`${base}/a.js`])
  })

  it('follows a redirect: the plugins belong to where the manifest was read', async () => {
    const manifest = await fetchManifest(`${base}/moved.json`)
    expect(manifest.url).toBe(`${base}/moved.json`)
    expect(manifest.redirectedTo).toBe(`${base}/mirror/good.json`)
    expect(manifest.entries.map((entry) => entry.kind === 'module' && [entry.moduleUrl, entry.manifestUrl])).toEqual([
      [`${base}/mirror/a.js`, `${base}/mirror/good.json`],
    ])
  })

  it.each([
    ['/missing.json', (url: string) => `Could not load registry ${url}: HTTP 404 Not Found for ${url}`],
    ['/huge.json', (url: string) => `Could not load registry ${url}: the manifest is larger than 1 MiB`],
    ['/index.html', (url: string) => `Could not load registry ${url}: not a registry manifest: the server answered an HTML page (text/html)`],
  ])('%s is a problem of that registry, with its cause', async (path, expected) => {
    const url = `${base}${path}`
    expect(await problemsOf(url)).toEqual([expected(url)])
  })

  it('gives up on a registry that does not answer in time', async () => {
    const url = `${base}/slow.json`
    expect(await problemsOf(url, 300)).toEqual([`Could not load registry ${url}: no answer within 0.3 s`])
  })

  it.each([
    ['data:application/json,{}', 'unsupported URL scheme "data:" (use http or https)'],
    ['http://[::1', 'not a valid URL: "http://[::1"'],
  ])('refuses %s', async (url, message) => {
    expect(await problemsOf(url)).toEqual([`Could not load registry ${url}: ${message}`])
  })
})
