import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../../../e2e/support/fixtureServer'
import { buildProjectWheels, buildWheel } from '../../../scripts/build-wheels.mjs'
import { cli } from './runCli'

const threads = vi.hoisted(() => ({ python: 0 }))
vi.mock('../../../src/cli/threadWorker', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/cli/threadWorker')>()
  return {
    ...original,
    startPythonThread: (name: string) => {
      threads.python += 1
      return original.startPythonThread(name)
    },
  }
})

// Each run that uses a Python plugin starts CPython in a thread: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000 })

const PROBE = 'strataregula_probe-0.3.0-py3-none-any.whl'
const HELLO_PY = 'strataregula_hello_py-1.2.0-py3-none-any.whl'
let folder: string
/** A wheel-only registry in a folder of its own, its wheels beside it. */
let registry: string
let workspace: string
let home: string
let fixtures: FixtureServer
const previousHome = process.env.HOME

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'headless-python-'))
  registry = join(folder, 'registry', 'registry.json')
  workspace = join(folder, 'workspace')
  home = join(folder, 'home')
  await Promise.all([mkdir(join(folder, 'registry')), mkdir(workspace), mkdir(join(home, '.strataregula'), { recursive: true })])
  const wheels = [await buildWheel('tests/fixtures/python/strataregula-probe'), ...(await buildProjectWheels())]
  for (const wheel of wheels) await writeFile(join(folder, 'registry', wheel.fileName), wheel.bytes)
  await writeFile(registry, JSON.stringify({ name: 'Python plugins', wheels: [`./${PROBE}`, `./${HELLO_PY}`] }))
  process.env.HOME = home
  fixtures = await startFixtureServer('http://127.0.0.1:1')
})
afterAll(async () => {
  process.env.HOME = previousHome
  await fixtures.close()
  await rm(folder, { recursive: true, force: true })
})

describe('listing', () => {
  test('lists the plugins of a local wheel registry from their wheels, without starting Python', async () => {
    const run = await cli(['list', '--registry', registry])
    expect(run.out).toEqual([
      'Available Plugins:',
      "  probe: Exercises every part of the Python bridge, for the playground's tests",
      '  hello_py: Says hello from Python: the smallest useful Strataregula plugin',
    ])
    expect(run.code).toBe(0)
    expect(threads.python).toBe(0)
  })

  test('a wheel that cannot be read is reported by its URL and place, the others still listed', async () => {
    const broken = join(folder, 'registry', 'broken.json')
    await writeFile(broken, JSON.stringify({ wheels: ['./missing-1.0-py3-none-any.whl', `./${HELLO_PY}`] }))
    const run = await cli(['list', '--registry', broken])
    const missing = pathToFileURL(join(folder, 'registry', 'missing-1.0-py3-none-any.whl')).href
    expect(run.err[0]).toMatch(`Could not read wheel ${missing} (wheels[0] of ${pathToFileURL(broken).href}): ENOENT`)
    expect(run.out).toEqual(['Available Plugins:', '  hello_py: Says hello from Python: the smallest useful Strataregula plugin'])
    expect(run.code).toBe(1)
  })

  test('a plugin that is not there is not found, without starting Python', async () => {
    expect(await cli(['execute', 'nope', 'greet', '--registry', registry])).toMatchObject({ code: 1, out: ["Plugin 'nope' not found"] })
    expect(threads.python).toBe(0)
  })
})

describe('execute', () => {
  test('runs in the --workspace folder with the ~/.strataregula files, its prints on stderr', async () => {
    await writeFile(join(home, '.strataregula', 'config.yaml'), 'plugins:\n  pattern_expander: {indent: 4}\n')
    await writeFile(join(home, '.strataregula', 'pattern_expander.yaml'), 'output: out/services.json\n')
    await writeFile(join(workspace, 'services.yaml'), await readFile('public/samples/services.yaml'))
    await writeFile(join(folder, 'args.yaml'), 'input: services.yaml\n')
    const run = await cli(['execute', 'pattern_expander', 'expand', '--config', join(folder, 'args.yaml'), '--workspace', workspace])
    expect(run.out[0]).toBe('Command executed successfully')
    expect(JSON.parse(run.out.slice(1).join('\n'))).toMatchObject({ status: 'success', exit_code: 0, output: 'out/services.json', services: 11 })
    expect(run.err.join('\n')).toMatch(/^reading services.yaml\n[\s\S]*\nwrote 11 services to out\/services.json$/)
    const written = await readFile(join(workspace, 'out/services.json'), 'utf8')
    expect(written).toMatch(/^\{\n {4}"/)
    expect(run.code).toBe(0)
  })

  test('a wheel registry over http: a Python exception fails the command with its type and message', async () => {
    const run = await cli(['execute', 'probe', 'fail', '--registry', `${fixtures.origin}/cors/python-probe.json`, '--workspace', workspace])
    expect(run.out[0]).toBe('Command failed: Plugin execution failed: ValueError: bad seed')
    expect(run.err.join('\n')).toMatch(/Traceback[\s\S]*ValueError: bad seed/)
    expect(run.code).toBe(1)
  })

  test('a Python loop past its time limit is stopped', async () => {
    const run = await cli(['execute', 'probe', 'spin', '--timeout', '1', '--registry', registry, '--workspace', workspace])
    expect(run.out[0]).toBe('Command failed: Plugin execution timed out after 1000 ms')
    expect(run.code).toBe(1)
  })

  test('a folder larger than a workspace may be is refused before Python starts', async () => {
    const started = threads.python
    const run = await cli(['execute', 'hello_py', 'greet', '--registry', registry, '--workspace', process.cwd()])
    expect(run.err[0]).toBe(
      `Error: --workspace ${process.cwd()} is too large for a Python plugin, which works on a copy of it: a workspace holds at most 20,000 files and 50 MiB`,
    )
    expect(run.code).toBe(2)
    expect(threads.python).toBe(started)
  })
})
