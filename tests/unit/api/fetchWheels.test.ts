import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchManifest } from '../../../src/api/fetchManifest'
import { fetchWheelPlugins } from '../../../src/api/fetchWheels'
import { parseManifest } from '../../../src/core/manifest/parseManifest'
import { describeProblem } from '../../../src/core/manifest/types'
import { buildTestWheel, sri } from '../../support/wheels'

const demoWheel = buildTestWheel({ distribution: 'demo', entryPoints: '[strataregula.plugins]\ndemo = demo.plugin:DemoPlugin\n' })
const otherWheel = buildTestWheel({ distribution: 'other', version: '2.0', entryPoints: '[strataregula.plugins]\nother = other.plugin:OtherPlugin\n' })
const files: Record<string, Uint8Array | string> = {
  '/py/demo-1.0-py3-none-any.whl': demoWheel,
  '/py/other-2.0-py3-none-any.whl': otherWheel,
  '/py/garbage-1.0-py3-none-any.whl': 'not a zip',
}
const INDEX_PAGE = '<!doctype html><title>The app</title>'
let server: Server
let base = ''

beforeAll(async () => {
  server = createServer((request, response) => {
    const [path, query] = (request.url ?? '').split('?')
    if (path === '/registry.json') return void response.end(decodeURIComponent(query ?? ''))
    if (path === '/py/slow-1.0-py3-none-any.whl') return void setTimeout(() => response.end(demoWheel), 2_000)
    if (path === '/spa/gone-1.0-py3-none-any.whl') return void response.writeHead(200, { 'Content-Type': 'text/html' }).end(INDEX_PAGE)
    const body = files[path ?? '']
    if (body === undefined) return void response.writeHead(404, 'Not Found').end()
    response.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => {
  server.closeAllConnections()
  server.close()
})

/** A manifest served with the given wheels list. */
const manifestUrl = (wheels: unknown[]) => `${base}/registry.json?${encodeURIComponent(JSON.stringify({ name: 'Wheels', wheels }))}`

describe('fetchManifest with wheels', () => {
  it('lists the plugins of every wheel, integrity checked', async () => {
    const url = manifestUrl(['./py/demo-1.0-py3-none-any.whl', { url: './py/other-2.0-py3-none-any.whl', integrity: await sri(otherWheel, 'sha512') }])
    const manifest = await fetchManifest(url)
    expect(manifest.problems).toEqual([])
    expect(manifest.entries.map((entry) => [entry.name, entry.version, entry.kind === 'python' && entry.wheel.fileName])).toEqual([
      ['demo', '1.0', 'demo-1.0-py3-none-any.whl'],
      ['other', '2.0', 'other-2.0-py3-none-any.whl'],
    ])
  })

  it('refuses a wheel whose bytes do not match its integrity, naming it, and still lists the others', async () => {
    const expected = await sri(demoWheel)
    const url = manifestUrl([{ url: './py/other-2.0-py3-none-any.whl', integrity: expected }, './py/demo-1.0-py3-none-any.whl'])
    const manifest = await fetchManifest(url)
    expect(manifest.problems.map(describeProblem)).toEqual([
      `Could not read wheel ${base}/py/other-2.0-py3-none-any.whl (wheels[0] of ${url}): integrity check failed: expected ${expected}, got ${await sri(otherWheel)}`,
    ])
    expect(manifest.entries.map((entry) => entry.name)).toEqual(['demo'])
    expect(manifest.wheels.map((wheel) => wheel.fileName)).toEqual(['demo-1.0-py3-none-any.whl'])
  })

  it.each([
    ['missing', './py/gone-1.0-py3-none-any.whl', (wheelUrl: string) => `HTTP 404 Not Found for ${wheelUrl}`],
    ['not a zip', './py/garbage-1.0-py3-none-any.whl', () => 'not a zip archive (invalid zip data)'],
    [
      'an HTML page (a wrong path on a single-page host)',
      './spa/gone-1.0-py3-none-any.whl',
      () => 'not a wheel: the server answered with an HTML page (is the path right?)',
    ],
  ])('reports a wheel that is %s and still lists the others', async (_, wheel, reason) => {
    const url = manifestUrl([wheel, './py/demo-1.0-py3-none-any.whl'])
    const manifest = await fetchManifest(url)
    const wheelUrl = new URL(wheel, url).href
    expect(manifest.problems.map(describeProblem)).toEqual([`Could not read wheel ${wheelUrl} (wheels[0] of ${url}): ${reason(wheelUrl)}`])
    expect(manifest.entries.map((entry) => entry.name)).toEqual(['demo'])
  })

  it('gives up on a wheel that does not answer in time', async () => {
    const url = manifestUrl(['./py/slow-1.0-py3-none-any.whl'])
    const manifest = await fetchWheelPlugins(parseManifest(JSON.stringify({ wheels: ['./py/slow-1.0-py3-none-any.whl'] }), url), 300)
    expect(manifest.problems.map(describeProblem)).toEqual([
      `Could not read wheel ${base}/py/slow-1.0-py3-none-any.whl (wheels[0] of ${url}): no answer within 0.3 s`,
    ])
    expect(manifest.entries).toEqual([])
  })
})
