import { describe, expect, it } from 'vitest'
import { draftKey, formForStorage, formFromStorage, MAX_KEPT_ARGUMENTS_CHARS, MAX_KEPT_DRAFTS } from '../../../src/core/runForm'
import {
  historyForStorage,
  historyFromStorage,
  MAX_HISTORY_CHARS,
  MAX_KEPT_LOG_CHARS,
  MAX_KEPT_LOG_LINES,
  MAX_KEPT_RUNS,
  type RunRecord,
} from '../../../src/core/runHistory'
import { outputPathsOf, trackWrites } from '../../../src/core/runOutputs'
import { MemoryWorkspace } from '../../../src/core/workspace/memoryWorkspace'

function run(id: number, extra: Partial<RunRecord> = {}): RunRecord {
  return {
    id,
    plugin: 'hello',
    command: 'greet',
    argumentsText: 'who: Ada',
    timeLimitMs: 60_000,
    startedAt: 1_700_000_000_000,
    durationMs: 3,
    result: { status: 'success' },
    cancelled: false,
    log: ['greeting Ada'],
    droppedLogLines: 0,
    ...extra,
  }
}

describe('the stored run history', () => {
  it('round-trips finished runs, newest first, leaving out a run still going', () => {
    const runs = [run(3, { result: undefined }), run(2, { cancelled: true, result: { status: 'error', message: 'Plugin execution cancelled' } }), run(1)]
    expect(historyFromStorage(historyForStorage(runs))).toEqual([runs[1], runs[2]])
  })

  it(`keeps ${MAX_KEPT_RUNS} runs and the last ${MAX_KEPT_LOG_LINES} lines of each log`, () => {
    const runs = Array.from({ length: MAX_KEPT_RUNS + 5 }, (_, index) => run(100 - index))
    runs[0] = run(100, { log: Array.from({ length: 600 }, (_, line) => `line ${line}`), droppedLogLines: 7 })
    const kept = historyFromStorage(historyForStorage(runs))
    expect(kept.map((record) => record.id)).toEqual(runs.slice(0, MAX_KEPT_RUNS).map((record) => record.id))
    expect(kept[0].log).toHaveLength(MAX_KEPT_LOG_LINES)
    expect(kept[0].log[0]).toBe('line 100')
    expect(kept[0].droppedLogLines).toBe(107)
  })

  it(`keeps a log of long lines to its last ${MAX_KEPT_LOG_CHARS} characters, so that the run itself is kept`, () => {
    const wide = Array.from({ length: 500 }, (_, line) => `line ${line} `.padEnd(10_000, '='))
    const [kept] = historyFromStorage(historyForStorage([run(1, { log: wide })]))
    expect(kept.result).toEqual({ status: 'success' })
    expect(kept.log).toHaveLength(6)
    expect(kept.log[0].startsWith('line 494 ')).toBe(true)
    expect(kept.droppedLogLines).toBe(494)
  })

  it('cuts a large result to its status, message and exit code, and says so', () => {
    const [kept] = historyFromStorage(historyForStorage([run(1, { result: { status: 'success', exit_code: 2, rows: 'x'.repeat(40_000) } })]))
    expect(kept.result).toEqual({ status: 'success', exit_code: 2 })
    expect(kept.resultNote).toBe('The result was 39.2 KiB: only its status, message and exit code were kept.')
  })

  it('leaves out outputs too large to keep and says they are gone, older runs’ first when the whole is too large', () => {
    const big = { files: { metrics: { path: 'metrics.csv', text: 'x'.repeat(300_000) } } }
    const [kept] = historyFromStorage(historyForStorage([run(1, { outputs: big })]))
    expect(kept.outputs).toEqual({ files: {}, gone: 'The files this run wrote are gone: at 293.1 KiB they were too large to keep in the run history.' })

    const medium = (id: number) => run(id, { outputs: { files: { metrics: { path: 'metrics.csv', text: String(id).repeat(200_000) } } } })
    const runs = [medium(6), medium(5), medium(4), medium(3), medium(2), medium(1)]
    const text = historyForStorage(runs)
    expect(text.length).toBeLessThanOrEqual(MAX_HISTORY_CHARS)
    const restored = historyFromStorage(text)
    expect(restored).toHaveLength(6)
    expect(restored[0].outputs).toEqual(runs[0].outputs)
    expect(restored[5].outputs?.gone).toMatch(/^The files this run wrote are gone/)
  })

  it.each([
    ['nothing stored', null],
    ['text that is not JSON', '{runs'],
    ['an object', '{"runs": []}'],
  ])('is empty for %s', (_, text) => {
    expect(historyFromStorage(text)).toEqual([])
  })

  it('leaves out entries that are not runs and keeps the others', () => {
    const good = run(1)
    expect(historyFromStorage(JSON.stringify([{ id: 'x' }, good, { ...good, id: 2, log: 'one line' }, 5]))).toEqual([good])
  })
})

describe('the stored run form', () => {
  it('round-trips the chosen plugin and command and their drafts', () => {
    const form = { plugin: 'hello', command: 'greet', drafts: { [draftKey('hello', 'greet')]: { argumentsText: 'who: Ada', timeLimitSeconds: 9, runId: 4 } } }
    expect(formFromStorage(formForStorage(form))).toEqual(form)
  })

  it(`keeps the ${MAX_KEPT_DRAFTS} most recent drafts, each with arguments of a storable size`, () => {
    const drafts = Object.fromEntries(
      Array.from({ length: MAX_KEPT_DRAFTS + 2 }, (_, index) => [draftKey('p', `c${index}`), { argumentsText: '', timeLimitSeconds: 60 }]),
    )
    drafts[draftKey('p', 'huge')] = { argumentsText: 'x'.repeat(MAX_KEPT_ARGUMENTS_CHARS + 1), timeLimitSeconds: 60 }
    const kept = formFromStorage(formForStorage({ plugin: 'p', command: 'c0', drafts }))
    expect(Object.keys(kept?.drafts ?? {})).toEqual(Object.keys(drafts).slice(2, MAX_KEPT_DRAFTS + 2))
  })

  it.each([
    ['nothing stored', null],
    ['a list', '[1]'],
    ['no drafts', '{"plugin": "p", "command": "c"}'],
    ['broken JSON', '{'],
  ])('is none for %s', (_, text) => {
    expect(formFromStorage(text)).toBeUndefined()
  })

  it('leaves out malformed drafts', () => {
    const text = JSON.stringify({ plugin: 'p', command: 'c', drafts: { 'p.c': { argumentsText: 'a: 1', timeLimitSeconds: 5 }, 'p.d': { argumentsText: 3 } } })
    expect(formFromStorage(text)).toEqual({ plugin: 'p', command: 'c', drafts: { 'p.c': { argumentsText: 'a: 1', timeLimitSeconds: 5 } } })
  })
})

describe('the files a run wrote', () => {
  it('notes written files under their normal path and forgets removed ones', async () => {
    const files = trackWrites(new MemoryWorkspace({ 'old.txt': 'x' }))
    await files.fs.writeText('./out/a.csv', 'a')
    await files.fs.writeBytes('b.bin', new Uint8Array([1]))
    await files.fs.writeText('c.txt', 'c')
    await files.fs.remove('c.txt')
    await files.fs.remove('old.txt')
    expect(await files.fs.readText('out/a.csv')).toBe('a')
    expect(files.written()).toEqual(['b.bin', 'out/a.csv'])
  })

  it('picks DOE Runner’s metrics and newest run log only when the run wrote them', () => {
    const written = ['.doe_cache/1.json', 'docs/run/20261203-1200-JST-doe-runner.md', 'docs/run/20261203-1201-JST-doe-runner.md', 'out/metrics.csv']
    expect(outputPathsOf('doe_runner', 'execute_cases', { status: 'success', metrics_path: './out/metrics.csv' }, written)).toEqual({
      metrics: 'out/metrics.csv',
      runLog: 'docs/run/20261203-1201-JST-doe-runner.md',
    })
    expect(outputPathsOf('doe_runner', 'execute_cases', { status: 'success', metrics_path: 'metrics.csv' }, [])).toEqual({})
    expect(outputPathsOf('hello', 'greet', { status: 'success' }, written)).toBeUndefined()
  })
})
