import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CommandResult } from '../../../src/core/pluginContract'
import { runStatus } from '../../../src/core/runStatus'
import { MemoryWorkspace } from '../../../src/core/workspace/memoryWorkspace'
import { RUN_FORM_KEY, RUN_HISTORY_KEY } from '../../../src/core/storageKeys'
import type { CallOptions, PluginSandbox } from '../../../src/runtime/pluginSandbox'
import { useExecuteStore } from '../../../src/stores/execute'
import { useRegistryStore, type PluginRecord } from '../../../src/stores/registry'
import { MemoryStorage } from '../../support/memoryStorage'

const workspace = vi.hoisted(() => ({ fs: undefined as unknown }))
vi.mock('../../../src/stores/workspace', () => ({ useWorkspaceStore: () => workspace }))

type Command = (kwargs: Record<string, unknown>, options: CallOptions) => Promise<CommandResult>

const DOE_INFO = {
  name: 'doe_runner',
  version: '0.1.0',
  exit_codes: { 0: 'All cases executed successfully', 3: 'Execution or configuration error' },
  commands: {
    execute_cases: { description: 'Runs cases', arguments: { cases_path: { description: 'Cases', required: true } }, example: { cases_path: 'cases.csv' } },
  },
}
const HELLO_INFO = {
  name: 'hello',
  version: '1.2.0',
  commands: { greet: { description: 'Greets', arguments: { who: { description: 'Whom', required: false } }, example: { who: 'Ada' } } },
}

let storage: MemoryStorage
let fs: MemoryWorkspace
let commands: Record<string, Command>

/** The execute store of a fresh page over the same browser storage, with doe_runner and hello loaded. */
function openPage() {
  setActivePinia(createPinia())
  const registry = useRegistryStore()
  registry.plugins = [record(DOE_INFO, ['execute_cases']), record(HELLO_INFO, ['greet', 'count'])]
  registry.record = (name: string) => registry.plugins.find((plugin) => plugin.name === name)
  registry.sandboxFor = () =>
    ({ call: (command: string, kwargs: Record<string, unknown>, options: CallOptions) => commands[command](kwargs, options) }) as unknown as PluginSandbox
  return useExecuteStore()
}

function record(info: Record<string, unknown>, names: string[]): PluginRecord {
  return {
    name: info.name as string,
    entry: { name: info.name as string, moduleUrl: '', exportName: '' } as PluginRecord['entry'],
    state: 'ready',
    info: info as PluginRecord['info'],
    commands: names,
  }
}

beforeEach(() => {
  storage = new MemoryStorage()
  fs = new MemoryWorkspace({ 'metrics.csv': 'case_id,p95\nold,1\n' })
  workspace.fs = fs
  vi.stubGlobal('window', Object.assign(new EventTarget(), { localStorage: storage }))
  vi.stubGlobal('location', new URL('http://playground.test/'))
  commands = {
    execute_cases: async (kwargs, { fs: files }) => {
      if (kwargs.cases_path === 'bad.csv') return { status: 'success', exit_code: 3, metrics_path: 'metrics.csv' }
      await files.writeText('metrics.csv', 'case_id,p95\nnew,2\n')
      await files.writeText('docs/run/20261203-1200-JST-doe-runner.md', '# run')
      return { status: 'success', exit_code: 0, metrics_path: 'metrics.csv' }
    },
    greet: async (kwargs) => ({ status: 'success', greeting: `Hello, ${String(kwargs.who)}!` }),
    count: (_kwargs, { signal }) =>
      new Promise((resolve) => signal?.addEventListener('abort', () => resolve({ status: 'error', message: 'Plugin execution cancelled' }))),
  }
})

afterEach(() => vi.unstubAllGlobals())

describe('the execute store', () => {
  it('keeps the files a run wrote, as they were when it ended, and none for a run that wrote none', async () => {
    const execute = openPage()
    execute.choose('doe_runner', 'execute_cases')
    expect(execute.draft.argumentsText).toBe('cases_path: cases.csv\n')
    await execute.run()
    await fs.writeText('metrics.csv', 'case_id,p95\nlater,3\n')
    expect(execute.currentRun?.outputs).toEqual({
      files: {
        metrics: { path: 'metrics.csv', text: 'case_id,p95\nnew,2\n' },
        runLog: { path: 'docs/run/20261203-1200-JST-doe-runner.md', text: '# run' },
      },
    })
    expect(execute.currentRun?.exitNote).toBeUndefined()

    execute.draft.argumentsText = 'cases_path: bad.csv'
    await execute.run()
    expect(execute.currentRun?.outputs).toEqual({ files: {} })
    expect(execute.currentRun?.exitNote).toBe('exit code 3: Execution or configuration error')
  })

  it('keeps a draft per plugin and command, with the run it last showed', async () => {
    const execute = openPage()
    execute.choose('hello', 'greet')
    expect(execute.draft.argumentsText).toBe('who: Ada\n')
    execute.draft.argumentsText = 'who: Grace'
    await execute.run()
    const greetRun = execute.currentRunId

    execute.choose('doe_runner', 'execute_cases')
    expect(execute.draft.argumentsText).toBe('cases_path: cases.csv\n')
    expect(execute.currentRun).toBeUndefined()

    execute.choose('hello', 'greet')
    expect(execute.draft.argumentsText).toBe('who: Grace')
    expect(execute.currentRunId).toBe(greetRun)
  })

  it('keeps what was typed before any plugin was chosen for the first one chosen', () => {
    const execute = openPage()
    execute.draft.argumentsText = 'who: typed early'
    execute.draft.timeLimitSeconds = 9
    execute.choosePlugin('hello', ['greet', 'count'])
    expect(execute.draft).toEqual({ plugin: 'hello', command: 'greet', argumentsText: 'who: typed early', timeLimitSeconds: 9 })

    execute.choose('doe_runner', 'execute_cases')
    expect(execute.draft.argumentsText).toBe('cases_path: cases.csv\n')
    execute.choose('hello', 'greet')
    expect(execute.draft.argumentsText).toBe('who: typed early')
  })

  it('shows a plugin with the command last used with it', () => {
    const execute = openPage()
    execute.choose('hello', 'count')
    execute.choose('doe_runner', 'execute_cases')
    execute.choosePlugin('hello', ['greet', 'count'])
    expect(execute.draft.command).toBe('count')
    execute.choosePlugin('doe_runner', ['validate_cases'])
    expect(execute.draft).toMatchObject({ plugin: 'doe_runner', command: 'validate_cases' })
  })

  it('warns of arguments the command does not declare', () => {
    const execute = openPage()
    execute.choose('hello', 'greet')
    execute.draft.argumentsText = 'who: Ada\nwhoo: Bob'
    expect(execute.argumentsWarning).toBe('greet does not declare the argument whoo: it takes who')
    execute.draft.argumentsText = 'who: [unclosed'
    expect(execute.argumentsWarning).toBeUndefined()
  })

  it('lists a cancelled run as cancelled', async () => {
    const execute = openPage()
    execute.choose('hello', 'count')
    const running = execute.run()
    expect(execute.running).toBe(true)
    execute.cancel()
    await running
    const run = execute.currentRun
    expect(run?.result).toEqual({ status: 'error', message: 'Plugin execution cancelled' })
    expect(run && runStatus(run.result, run.cancelled)).toBe('cancelled')
  })

  it('restores the run history and the form after a reload', async () => {
    const first = openPage()
    first.choose('hello', 'greet')
    first.draft.argumentsText = 'who: Grace'
    first.draft.timeLimitSeconds = 9
    await first.run()
    first.choose('doe_runner', 'execute_cases')
    first.draft.argumentsText = 'cases_path: other.csv'
    await Promise.resolve()

    const again = openPage()
    expect(again.runs.map((run) => [run.id, run.plugin, run.command, run.result])).toEqual([
      [1, 'hello', 'greet', { status: 'success', greeting: 'Hello, Grace!' }],
    ])
    expect(again.draft).toEqual({ plugin: 'doe_runner', command: 'execute_cases', argumentsText: 'cases_path: other.csv', timeLimitSeconds: 60 })
    again.choose('hello', 'greet')
    expect(again.draft).toMatchObject({ argumentsText: 'who: Grace', timeLimitSeconds: 9 })
    expect(again.currentRunId).toBe(1)
    await again.run()
    expect(again.currentRunId).toBe(2)
  })

  it('says so when the history cannot be saved, and keeps the runs in the page', async () => {
    storage = new MemoryStorage(600)
    vi.stubGlobal('window', Object.assign(new EventTarget(), { localStorage: storage }))
    const execute = openPage()
    execute.choose('hello', 'greet')
    execute.draft.argumentsText = `who: ${'x'.repeat(1000)}`
    await execute.run()
    expect(execute.storageError).toMatch(/^The run history could not be saved: browser storage is full \(\d+\.\d KiB to save\)$/)
    expect(execute.runs).toHaveLength(1)
    expect(storage.getItem(RUN_HISTORY_KEY)).toBeNull()
  })

  it('starts afresh from a stored history or form it cannot read', () => {
    storage.setItem(RUN_HISTORY_KEY, '{not json')
    storage.setItem(RUN_FORM_KEY, '[1, 2]')
    const execute = openPage()
    expect(execute.runs).toEqual([])
    expect(execute.draft).toMatchObject({ plugin: '', command: '', argumentsText: '' })
  })
})
