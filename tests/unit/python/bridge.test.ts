import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWheel } from '../../../scripts/build-wheels.mjs'
import { MemoryWorkspace } from '../../../src/core/workspace/memoryWorkspace'
import { downloadWheels } from '../../../src/runtime/python/installWheels'
import { pythonHost, RUNTIME_URL, serveWheels } from '../../support/pythonHost'

const PROBE = new URL('../../fixtures/python/strataregula-probe/', import.meta.url).pathname
const START_PYTHON_MS = 120_000

const workspace = new MemoryWorkspace({ 'change.txt': 'as uploaded\n', 'remove.txt': 'to be removed\n', 'keep/data.csv': 'a,b\n1,2\n' })
const python = pythonHost(workspace)
let wheels: Awaited<ReturnType<typeof serveWheels>>
let loaded: unknown

const call = (command: string, kwargs: Record<string, unknown> = {}, homeFiles: Record<string, string> = {}) =>
  python.request({ type: 'call', command, kwargs, config: {}, homeFiles, plugin: 'probe' }, 20_000)

beforeAll(async () => {
  wheels = await serveWheels([await buildWheel(PROBE)])
  loaded = await python.request(
    { type: 'load-python', runtimeUrl: RUNTIME_URL, name: 'probe', entryPoint: 'strataregula_probe.plugin:ProbePlugin', wheels: wheels.refs() },
    START_PYTHON_MS,
  )
}, START_PYTHON_MS)

afterAll(() => wheels.close())

describe('a Python plugin in its sandbox', () => {
  it('is found through its entry point, and described by get_info()', () => {
    expect(loaded).toEqual({
      info: { name: 'probe', version: '0.3.0', description: 'Exercises the Python bridge', author: 'Playground tests' },
      commands: ['fail', 'files', 'greet', 'hog', 'later', 'not_a_dict', 'settings', 'spawn', 'spin', 'threads', 'ticks', 'values'],
    })
    const stages = python.posted.flatMap((message) => (message.type === 'stage' ? [message.stage] : []))
    expect(stages).toEqual(['runtime', 'python', 'wheels', 'import', 'create', 'get_info'])
  })

  it('answers a health check with what health_check() adds', async () => {
    expect(await python.request({ type: 'health', plugin: 'probe' })).toEqual({
      healthy: true,
      name: 'probe',
      version: '0.3.0',
      python: expect.stringMatching(/^3\.\d+/),
    })
  })

  it('runs a command with keyword arguments; print() and stderr are log lines', async () => {
    expect(await call('greet', { who: 'Ada' })).toEqual({ status: 'success', greeting: 'Hello, Ada!' })
    expect(python.logOf(python.lastId())).toEqual(['greeting Ada', 'a warning on stderr'])
  })

  it('reports an exception as `<Type>: <message>`, its traceback in the log', async () => {
    expect(await call('fail', { seed: 3 })).toEqual({ status: 'error', message: 'Plugin execution failed: ValueError: bad seed' })
    const log = python.logOf(python.lastId())
    expect(log[0]).toBe('Traceback (most recent call last):')
    expect(log.at(-1)).toBe('ValueError: bad seed')
    expect(log.join('\n')).not.toContain('playground_bridge')
  })

  it('refuses memory past the budget: the run fails with MemoryError and a note, and the plugin goes on', async () => {
    expect(await call('hog')).toEqual({ status: 'error', message: "Plugin execution failed: MemoryError (Python's memory may not grow past 1 GiB)" })
    expect(python.logOf(python.lastId()).at(-1)).toBe("Memory budget reached: Python's memory may not grow past 1 GiB; an allocation failed with MemoryError")
    expect(await call('greet', { who: 'Ada' })).toEqual({ status: 'success', greeting: 'Hello, Ada!' })
  })

  it('reports wrong keyword arguments as Python does', async () => {
    expect(await call('greet', { whom: 'Ada' })).toEqual({
      status: 'error',
      message: "Plugin execution failed: TypeError: ProbePlugin.greet() got an unexpected keyword argument 'whom'. Did you mean 'who'?",
    })
  })

  it('carries values as JSON does, and anything else as its str()', async () => {
    expect(await call('values')).toEqual({
      status: 'success',
      pair: [1, 'two'],
      nothing: null,
      nan: null,
      keys: { '1': 'int', null: 'none' },
      set: '{3}',
      when: 'a marker',
    })
  })

  it('refuses a result that is not a dict with a status, and a command that is not there', async () => {
    expect(await call('not_a_dict')).toEqual({ status: 'error', message: 'Plugin returned an invalid result' })
    expect(await call('get_info')).toEqual({ status: 'error', message: 'Command get_info not supported' })
    expect(await call('__init__')).toEqual({ status: 'error', message: 'Command __init__ not supported' })
  })

  it('awaits a coroutine', async () => {
    expect(await call('later')).toEqual({ status: 'success', awaited: true })
  })

  it('runs in the workspace: what it wrote, changed or removed is in the workspace afterwards, the rest untouched', async () => {
    expect(await call('files')).toEqual({ status: 'success', cwd: '/workspace', files: ['change.txt', 'keep', 'out'] })
    expect(await workspace.list()).toEqual(['change.txt', 'keep/data.csv', 'out/new.txt'])
    expect(await workspace.readText('out/new.txt')).toBe('written by Python\n')
    expect(await workspace.readText('change.txt')).toBe('as uploaded\nchanged by Python\n')
    expect(await workspace.readText('keep/data.csv')).toBe('a,b\n1,2\n')
  })

  it('sees files changed in the workspace since its last command, and not those removed', async () => {
    await workspace.remove('out/new.txt')
    await workspace.writeText('remove.txt', 'back again\n')
    await workspace.writeText('change.txt', 'replaced\n')
    await call('files')
    expect(await workspace.list()).toEqual(['change.txt', 'keep/data.csv', 'out/new.txt'])
    expect(await workspace.readText('change.txt')).toBe('replaced\nchanged by Python\n')
  })

  it('finds the stored configuration texts in ~/.strataregula/, and only those of this call', async () => {
    const texts = { 'config.yaml': '# mine\nplugins: {}\n', 'probe.yaml': 'depth: 3\n' }
    expect(await call('settings', {}, texts)).toEqual({ status: 'success', files: texts })
    expect(await call('settings', {}, { 'config.yaml': 'x: 1\n', '../escape.yaml': 'no' })).toEqual({ status: 'success', files: { 'config.yaml': 'x: 1\n' } })
  })

  it('runs threads and a thread pool in turn', async () => {
    expect(await call('threads')).toEqual({ status: 'success', threads: [0, 1, 2], squares: [0, 1, 4, 9, 16] })
  })

  it('says that it cannot start processes', async () => {
    expect(await call('spawn')).toEqual({
      status: 'error',
      message: 'Plugin execution failed: OSError: the playground cannot start processes (asked to run: echo hi)',
    })
  })

  it('sends print() lines while a command that never yields is still running', async () => {
    const ticks = call('ticks', { count: 4, interval_ms: 60 })
    const id = python.lastId()
    await expect(ticks).resolves.toEqual({ status: 'success', ticks: 4 })
    const batches = python.posted.filter((message) => message.type === 'log' && message.id === id)
    expect(batches.length).toBeGreaterThan(1)
    expect(python.logOf(id)).toEqual(['tick 1', 'tick 2', 'tick 3', 'tick 4'])
  })
})

describe('loading Python plugins', () => {
  it(
    "runs the project's own wheels as published, both plugins of the manifest in one Python",
    async () => {
      const { buildProjectWheels } = await import('../../../scripts/build-wheels.mjs')
      const served = await serveWheels(await buildProjectWheels())
      const sample = 'regions:\n  kanto: [tokyo, chiba]\nservices:\n  edge.*.gateway: {replicas: 2}\n'
      const environment = pythonHost(new MemoryWorkspace({ 'services.yaml': sample }))
      const load = (name: string, entryPoint: string) =>
        environment.request({ type: 'load-python', runtimeUrl: RUNTIME_URL, name, entryPoint, wheels: served.refs() }, START_PYTHON_MS)
      const stagesOf = (id: number) => environment.posted.flatMap((message) => (message.type === 'stage' && message.id === id ? [message.stage] : []))
      try {
        expect(await load('hello_py', 'strataregula_hello_py.plugin:HelloPlugin')).toMatchObject({
          info: { name: 'hello_py', version: '1.2.0' },
          commands: ['greet', 'count'],
        })
        expect(await load('pattern_expander', 'strataregula_pattern_expander.plugin:PatternExpanderPlugin')).toMatchObject({
          info: { name: 'pattern_expander' },
          commands: ['expand'],
        })
        // The second plugin is imported into the Python the first one started.
        expect(stagesOf(environment.lastId())).toEqual(['import', 'create', 'get_info'])
        const call = (plugin: string, command: string, kwargs: Record<string, unknown>) =>
          environment.request({ type: 'call', command, kwargs, config: {}, homeFiles: {}, plugin })
        expect(await call('hello_py', 'greet', { who: 'Grace' })).toEqual({ status: 'success', greeting: 'Hello, Grace!' })
        expect(await call('pattern_expander', 'expand', {})).toMatchObject({ status: 'success', exit_code: 0, patterns: 1, services: 2 })
        expect(await call('pattern_expander', 'greet', {})).toEqual({ status: 'error', message: 'Command greet not supported' })
      } finally {
        await served.close()
      }
    },
    START_PYTHON_MS,
  )
})

describe('downloading wheels', () => {
  it('refuses a wheel whose bytes do not match its integrity, and one that is not there', async () => {
    const served = await serveWheels([await buildWheel(PROBE)])
    try {
      const [wheel] = served.refs({ 'strataregula_probe-0.3.0-py3-none-any.whl': 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' })
      await expect(downloadWheels([wheel])).rejects.toThrow(`integrity check failed: the bytes of ${wheel.url} do not match ${wheel.integrity}`)
      const missing = { ...wheel, url: `${wheel.url}.missing`, integrity: undefined }
      await expect(downloadWheels([missing])).rejects.toThrow(`could not download ${missing.url}: HTTP 404`)
      const [plain] = served.refs()
      expect((await downloadWheels([plain]))[0].slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]))
    } finally {
      await served.close()
    }
  })
})
