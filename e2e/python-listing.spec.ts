import { createHash } from 'node:crypto'
import type { Page } from '@playwright/test'
import { buildProjectWheels } from '../scripts/build-wheels.mjs'
import { expect, presetConfig, test } from './support/fixtures'
import { pluginCard } from './support/pluginsPanel'

const HELLO_WHEEL = 'strataregula_hello_py-1.2.0-py3-none-any.whl'
const EXPANDER_WHEEL = 'strataregula_pattern_expander-0.1.0-py3-none-any.whl'
const sri = (bytes: Uint8Array | string) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`
// What starting the Python runtime would request: the interpreter and its standard library.
const PYTHON_RUNTIME = /pyodide|\.wasm$|python_stdlib/i

/** Serves `json` as the manifest at `path` of the app's origin. */
async function serveManifest(page: Page, path: string, json: unknown): Promise<void> {
  await page.route(
    (url) => url.pathname === path,
    (route) => route.fulfill({ json }),
  )
}

const problems = (page: Page) => page.getByRole('region', { name: 'Registries in use' }).getByRole('alert')

test('the bundled Python plugins are listed from their wheels without starting Python', async ({ page }) => {
  await presetConfig(page, 'discovery:\n  auto_load: false\n')
  const requests: string[] = []
  page.on('request', (request) => requests.push(new URL(request.url()).pathname))
  await page.goto('/')

  const hello = pluginCard(page, 'hello_py')
  await expect(hello.version).toHaveText('1.2.0')
  await expect(hello.description).toHaveText('Says hello from Python: the smallest useful Strataregula plugin')
  await expect(hello.wheel).toHaveText(`Python plugin strataregula_hello_py.plugin:HelloPlugin from ${HELLO_WHEEL}`)
  await expect(hello.state).toHaveText('Not loaded')
  const expander = pluginCard(page, 'pattern_expander')
  await expect(expander.version).toHaveText('0.1.0')
  await expect(expander.description).toHaveText('Expands wildcard service patterns (edge.*.gateway) over a region hierarchy')
  await expect(expander.wheel).toHaveText(`Python plugin strataregula_pattern_expander.plugin:PatternExpanderPlugin from ${EXPANDER_WHEEL}`)
  // The ES-module plugins are listed beside them.
  await expect(pluginCard(page, 'hello').card).toBeVisible()
  await expect(problems(page)).toHaveCount(0)

  expect(requests).toEqual(expect.arrayContaining([`/py/${HELLO_WHEEL}`, `/py/${EXPANDER_WHEEL}`]))
  expect(requests.filter((path) => PYTHON_RUNTIME.test(path))).toEqual([])
})

test('a wheel whose integrity does not match is refused by name, the other wheels still listed', async ({ page }) => {
  const [helloWheel] = await buildProjectWheels()
  const wrong = sri('other bytes')
  await serveManifest(page, '/python-registry.json', {
    name: 'Python plugins',
    wheels: [{ url: `./py/${HELLO_WHEEL}`, integrity: wrong }, `./py/${EXPANDER_WHEEL}`],
  })
  await page.goto('/?registry=/python-registry.json')
  const manifestUrl = new URL('/python-registry.json', page.url()).href
  const wheelUrl = new URL(`/py/${HELLO_WHEEL}`, page.url()).href

  await expect(problems(page)).toHaveText([
    `Could not read wheel ${wheelUrl} (wheels[0] of ${manifestUrl}): integrity check failed: expected ${wrong}, got ${sri(helloWheel!.bytes)}`,
  ])
  await expect(pluginCard(page, 'pattern_expander').version).toHaveText('0.1.0')
  await expect(pluginCard(page, 'hello_py').card).toHaveCount(0)
})

test('a wheel that matches its integrity is listed', async ({ page }) => {
  const [helloWheel] = await buildProjectWheels()
  await serveManifest(page, '/python-registry.json', { wheels: [{ url: `./py/${HELLO_WHEEL}`, integrity: sri(helloWheel!.bytes) }] })
  await page.goto('/?registry=/python-registry.json')
  await expect(pluginCard(page, 'hello_py').version).toHaveText('1.2.0')
  await expect(problems(page)).toHaveCount(0)
})

test('bad wheels entries are manifest errors with their JSON path, the valid wheels still listed', async ({ page }) => {
  await serveManifest(page, '/python-registry.json', {
    wheels: [`./py/${HELLO_WHEEL}`, { integrity: sri('x') }, './py/numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.whl', './py/missing-1.0-py3-none-any.whl'],
  })
  await page.goto('/?registry=/python-registry.json')
  const manifestUrl = new URL('/python-registry.json', page.url()).href
  const missingUrl = new URL('/py/missing-1.0-py3-none-any.whl', page.url()).href

  await expect(problems(page)).toHaveText([
    `Invalid manifest ${manifestUrl}: wheels[1]: url is required`,
    `Invalid manifest ${manifestUrl}: wheels[2]: not a pure-Python wheel: "numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.whl" (…-none-any.whl expected)`,
    // The preview server answers unknown paths with the app's page, as single-page hosts do.
    `Could not read wheel ${missingUrl} (wheels[3] of ${manifestUrl}): not a wheel: the server answered with an HTML page (is the path right?)`,
  ])
  await expect(pluginCard(page, 'hello_py').version).toHaveText('1.2.0')
})

test('a Python plugin whose wheel is on another origin waits for consent, naming the wheel', async ({ page }) => {
  const [helloWheel] = await buildProjectWheels()
  const wheelUrl = `https://wheels.example/py/${HELLO_WHEEL}`
  await page.route(wheelUrl, (route) =>
    route.fulfill({ body: Buffer.from(helloWheel!.bytes), headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/octet-stream' } }),
  )
  await serveManifest(page, '/python-registry.json', { wheels: [wheelUrl] })
  await page.goto('/?registry=/python-registry.json')

  const prompt = page.getByRole('alertdialog', { name: 'Run plugins from https://wheels.example?' })
  await expect(prompt.getByRole('listitem')).toHaveText([`hello_py — ${wheelUrl} — Says hello from Python: the smallest useful Strataregula plugin`])
  await expect(pluginCard(page, 'hello_py').state).toHaveText('Waiting for your consent')
  await expect(pluginCard(page, 'hello_py').version).toHaveText('1.2.0')
})
