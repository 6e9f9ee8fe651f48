import { EXISTS_CASES, EXISTS_FILES } from '../../support/existsCases'
import type { IDBPDatabase } from 'idb'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BrowserWorkspace } from '../../../src/api/workspace/browserWorkspace'
import { ENTRIES, FILE_COUNT, META, TOTAL_SIZE, openWorkspaceDb, type WorkspaceDb } from '../../../src/api/workspace/workspaceDb'
import { MAX_FILES, MAX_FILE_SIZE, type WorkspaceUsage } from '../../../src/core/workspace/limits'
import type { WorkspaceFile } from '../../../src/core/workspace/types'
import { isolateBrowserStorage } from '../../support/browserStorage'
import { refusal, type Refusal } from '../../support/workspaceErrors'

const KiB = 1024
const MiB = 1024 * KiB
/** Long enough for the 50 ms delay of change notices to pass and a notice to reach other tabs. */
const CHANGE_NOTICE_WAIT_MS = 100
const WRITES_PER_TRANSACTION = 256

const encoder = new TextEncoder()

isolateBrowserStorage()

afterEach(() => {
  vi.restoreAllMocks()
})

function textFile(path: string, text: string): WorkspaceFile {
  return { path, bytes: encoder.encode(text) }
}

/** A file stored before a refused operation, so there are usage records the refusal must leave as they were. */
const KEPT_FILE = textFile('keep.csv', 'id\n1\n')

/** A file of `size` bytes all set to `fill`, so files of the same size still differ. */
function sizedFile(path: string, size: number, fill = 1): WorkspaceFile {
  return { path, bytes: new Uint8Array(size).fill(fill) }
}

function openWorkspace(): BrowserWorkspace {
  return new BrowserWorkspace(async () => [])
}

async function openWorkspaceWith(files: WorkspaceFile[]): Promise<BrowserWorkspace> {
  const fs = openWorkspace()
  await fs.writeFiles(files)
  return fs
}

function wait(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds))
}

/** Runs `use` on a database connection of its own, as an older version of the app or another tab would. */
async function withConnection<T>(use: (db: IDBPDatabase<WorkspaceDb>) => Promise<T>): Promise<T> {
  const db = await openWorkspaceDb()
  try {
    return await use(db)
  } finally {
    db.close()
  }
}

/** The usage the meta records hold; a missing record reads as undefined. */
function recordedUsage(): Promise<Partial<WorkspaceUsage>> {
  return withConnection(async (db) => ({ files: await db.get(META, FILE_COUNT), bytes: await db.get(META, TOTAL_SIZE) }))
}

function usageOf(sizes: Record<string, number>): WorkspaceUsage {
  const all = Object.values(sizes)
  return { files: all.length, bytes: all.reduce((total, size) => total + size, 0) }
}

/** Every stored file's size by path, from the listing entries and from the stored contents alike. */
async function storedSizes(fs: BrowserWorkspace): Promise<{ entries: Record<string, number>; contents: Record<string, number> }> {
  const entries = await fs.entries()
  const contents = await Promise.all(entries.map(async ({ path }) => [path, (await fs.readBytes(path)).byteLength] as const))
  return { entries: Object.fromEntries(entries.map(({ path, size }) => [path, size])), contents: Object.fromEntries(contents) }
}

/** Fails unless exactly the files of `sizes` are stored, and the usage records count them exactly. */
async function expectStored(fs: BrowserWorkspace, sizes: Record<string, number>, step?: string): Promise<void> {
  expect(await storedSizes(fs), step).toEqual({ entries: sizes, contents: sizes })
  expect(await recordedUsage(), step).toEqual(usageOf(sizes))
}

async function textsOf(fs: BrowserWorkspace): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all((await fs.list()).map(async (path) => [path, await fs.readText(path)])))
}

function sizesOf(files: WorkspaceFile[]): Record<string, number> {
  return Object.fromEntries(files.map(({ path, bytes }) => [path, bytes.byteLength]))
}

/** How each of `actions`, started together, ended: undefined when it succeeded, its refusal otherwise. */
async function outcomes(actions: Array<Promise<unknown>>): Promise<Array<Refusal | undefined>> {
  return Promise.all(
    actions.map((action) =>
      action.then(
        () => undefined,
        () => refusal(() => action),
      ),
    ),
  )
}

/** Every operation that takes a path. */
const PATH_OPERATIONS: Array<[name: string, action: (fs: BrowserWorkspace, path: string) => Promise<unknown>]> = [
  ['readText', (fs, path) => fs.readText(path)],
  ['readBytes', (fs, path) => fs.readBytes(path)],
  ['writeText', (fs, path) => fs.writeText(path, 'x')],
  ['writeBytes', (fs, path) => fs.writeBytes(path, new Uint8Array(1))],
  ['writeFiles', (fs, path) => fs.writeFiles([textFile(path, 'x')])],
  ['exists', (fs, path) => fs.exists(path)],
  ['list', (fs, path) => fs.list(path)],
  ['remove', (fs, path) => fs.remove(path)],
]

describe('BrowserWorkspace', () => {
  describe('the ctx.fs contract', () => {
    it('reads back what was written, by any spelling of the path', async () => {
      const fs = openWorkspace()
      await fs.writeText('./doe//cases.csv', 'id,x\n1,2\n')
      expect(await fs.readText('doe/cases.csv')).toBe('id,x\n1,2\n')
      expect(await fs.readText('/doe/runs/../cases.csv')).toBe('id,x\n1,2\n')
      expect(await fs.list()).toEqual(['doe/cases.csv'])
    })

    it.each([
      ['an array of its own', () => new Uint8Array([0, 255, 10, 13])],
      ['a view into a larger buffer', () => new Uint8Array([7, 7, 0, 255, 10, 13, 7]).subarray(2, 6)],
    ])('keeps bytes exactly, given %s, and stores only those bytes', async (_case, bytes) => {
      const fs = openWorkspace()
      await fs.writeBytes('blob.bin', bytes())
      const read = await fs.readBytes('blob.bin')
      expect([...read]).toEqual([0, 255, 10, 13])
      expect(read.buffer.byteLength).toBe(4)
    })

    it('reads a copy: changing the bytes read leaves the file as it was', async () => {
      const fs = await openWorkspaceWith([{ path: 'blob.bin', bytes: new Uint8Array([1, 2, 3]) }])
      ;(await fs.readBytes('blob.bin')).fill(0)
      expect([...(await fs.readBytes('blob.bin'))]).toEqual([1, 2, 3])
    })

    it('keeps a byte-order mark as U+FEFF in readText', async () => {
      const fs = openWorkspace()
      await fs.writeBytes('bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))
      expect(await fs.readText('bom.csv')).toBe('\uFEFFa')
    })

    it.each(EXISTS_CASES)('exists is true for %s (%j) → %s', async (_case, path, expected) => {
      const fs = await openWorkspaceWith(EXISTS_FILES.map((path) => textFile(path, '')))
      expect(await fs.exists(path)).toBe(expected)
    })

    it('exists is false for a folder once its last file is removed', async () => {
      const fs = await openWorkspaceWith([textFile('out/a.csv', '')])
      await fs.remove('out/a.csv')
      expect(await fs.exists('out')).toBe(false)
    })

    it.each([
      ['', ['a.txt', 'doe-x/y.csv', 'doe/cases.csv', 'doe/runs/2.csv', 'doe0/z.csv', 'doeX/y.csv', 'z.txt']],
      ['.', ['a.txt', 'doe-x/y.csv', 'doe/cases.csv', 'doe/runs/2.csv', 'doe0/z.csv', 'doeX/y.csv', 'z.txt']],
      ['doe', ['cases.csv', 'runs/2.csv']],
      ['doe/runs/', ['2.csv']],
      ['./doe/runs/..', ['cases.csv', 'runs/2.csv']],
      ['doe/cases.csv', []],
      ['nothing', []],
    ])('lists the files below %j, relative, recursive and sorted', async (dir, expected) => {
      const fs = await openWorkspaceWith(
        ['z.txt', 'doe/runs/2.csv', 'doe0/z.csv', 'doe/cases.csv', 'a.txt', 'doeX/y.csv', 'doe-x/y.csv'].map((path) => textFile(path, '')),
      )
      expect(await fs.list(dir)).toEqual(expected)
    })

    it.each(PATH_OPERATIONS.filter(([name]) => ['readText', 'readBytes', 'remove'].includes(name)))(
      '%s of a missing file rejects with ENOENT',
      async (_name, action) => {
        const fs = await openWorkspaceWith([textFile('missing/other.csv', '')])
        expect(await refusal(() => action(fs, 'missing/cases.csv'))).toEqual({ code: 'ENOENT', message: "No such file or directory: 'missing/cases.csv'" })
      },
    )

    it.each(PATH_OPERATIONS)('%s refuses a path that escapes the workspace', async (_name, action) => {
      const fs = await openWorkspaceWith([KEPT_FILE])
      expect(await refusal(() => action(fs, 'a/../../secret.txt'))).toEqual({ code: 'EACCES', message: "Path escapes the workspace: 'a/../../secret.txt'" })
      await expectStored(fs, sizesOf([KEPT_FILE]))
    })

    it.each(PATH_OPERATIONS)('%s refuses a path over the length limit', async (_name, action) => {
      const fs = await openWorkspaceWith([KEPT_FILE])
      expect(await refusal(() => action(fs, `out/${'n'.repeat(1496)}`))).toEqual({
        code: 'ENAMETOOLONG',
        message: `Path too long: 'out/${'n'.repeat(36)}…' has 1,500 characters; the limit is 1,024`,
      })
      await expectStored(fs, sizesOf([KEPT_FILE]))
    })

    it('accepts a path of exactly the length limit', async () => {
      const fs = openWorkspace()
      const path = `out/${'n'.repeat(1020)}`
      await fs.writeText(path, 'x')
      expect(await fs.readText(path)).toBe('x')
    })

    it.each([
      ['writeText', (fs: BrowserWorkspace) => fs.writeText('x.txt', 42 as unknown as string), 'writeText expects a string, got number'],
      ['writeBytes', (fs: BrowserWorkspace) => fs.writeBytes('x.bin', [1, 2] as unknown as Uint8Array), 'writeBytes expects a Uint8Array, got Array'],
    ])('%s refuses content of the wrong type', async (_name, action, message) => {
      const fs = await openWorkspaceWith([KEPT_FILE])
      expect(await refusal(() => action(fs))).toEqual({ code: 'EINVAL', message })
      await expectStored(fs, sizesOf([KEPT_FILE]))
    })

    it('removes a file and only that file', async () => {
      const fs = await openWorkspaceWith([textFile('a.txt', 'a'), textFile('b.txt', 'bb')])
      await fs.remove('./a.txt')
      expect(await refusal(() => fs.readText('a.txt'))).toEqual({ code: 'ENOENT', message: "No such file or directory: 'a.txt'" })
      await expectStored(fs, { 'b.txt': 2 })
    })

    it('removes a folder with every file below it, and nothing beside it', async () => {
      const fs = await openWorkspaceWith([
        textFile('doe/a.csv', 'a'),
        textFile('doe/runs/b.csv', 'bb'),
        textFile('doe.txt', 'ccc'),
        textFile('doex/d.csv', 'd'),
      ])
      expect(await fs.removeFolder('./doe/')).toBe(2)
      await expectStored(fs, { 'doe.txt': 3, 'doex/d.csv': 1 })
    })

    it('refuses to remove a folder with no file below it, or the root', async () => {
      const fs = await openWorkspaceWith([KEPT_FILE])
      expect(await refusal(() => fs.removeFolder('doe'))).toEqual({ code: 'ENOENT', message: "No such file or directory: 'doe'" })
      expect(await refusal(() => fs.removeFolder('.'))).toEqual({ code: 'EISDIR', message: "Not a file path: '.'" })
      await expectStored(fs, sizesOf([KEPT_FILE]))
    })
  })

  describe('operations issued right after a write', () => {
    // A plugin that does not await a write still sees it in its next operation, as with the workspace in memory.
    it.each([
      ['readText', (fs: BrowserWorkspace) => fs.readText('out/new.txt'), 'new', { 'out/new.txt': 'new' }],
      ['readBytes', async (fs: BrowserWorkspace) => [...(await fs.readBytes('out/new.txt'))], [...encoder.encode('new')], { 'out/new.txt': 'new' }],
      ['exists', (fs: BrowserWorkspace) => fs.exists('out'), true, { 'out/new.txt': 'new' }],
      ['list', (fs: BrowserWorkspace) => fs.list('out'), ['new.txt'], { 'out/new.txt': 'new' }],
      ['entries', async (fs: BrowserWorkspace) => (await fs.entries()).map(({ path }) => path), ['out/new.txt'], { 'out/new.txt': 'new' }],
      ['remove', (fs: BrowserWorkspace) => fs.remove('out/new.txt'), undefined, {}],
      ['writeFiles', (fs: BrowserWorkspace) => fs.writeFiles([textFile('out/new.txt', 'newest')]), undefined, { 'out/new.txt': 'newest' }],
    ])('%s sees the write issued before it', async (_name, action, expected, finalTexts) => {
      const fs = openWorkspace()
      const write = fs.writeText('out/new.txt', 'new')
      expect(await action(fs)).toEqual(expected)
      await write
      expect(await textsOf(fs)).toEqual(finalTexts)
    })
  })

  describe('write combining', () => {
    it.each([
      [1, 1],
      [WRITES_PER_TRANSACTION, 1],
      [WRITES_PER_TRANSACTION + 1, 2],
      [600, 3],
    ])('%i writes issued together all resolve and are stored and counted, in %i transaction(s)', async (count, transactions) => {
      const fs = await openWorkspaceWith([KEPT_FILE])
      const createTransaction = vi.spyOn(IDBDatabase.prototype, 'transaction')
      const names = Array.from({ length: count }, (_, index) => `${String(index).padStart(3, '0')}.csv`)

      await Promise.all(names.map((name) => fs.writeText(`out/${name}`, `row ${name}\n`)))

      expect(createTransaction.mock.calls.filter(([, mode]) => mode === 'readwrite')).toHaveLength(transactions)
      expect(await fs.list('out')).toEqual(names)
      expect(await Promise.all(names.map((name) => fs.readText(`out/${name}`)))).toEqual(names.map((name) => `row ${name}\n`))
      await expectStored(fs, sizesOf([KEPT_FILE, ...names.map((name) => textFile(`out/${name}`, `row ${name}\n`))]))
    })

    it.each([
      [
        'an 11 MiB file among small ones',
        [sizedFile('big.bin', 1, 7)],
        [sizedFile('a.csv', 10), sizedFile('big.bin', 11 * MiB), sizedFile('b.csv', 20)],
        { 'big.bin': { code: 'EFBIG', message: "File too large: 'big.bin' is 11.0 MiB; the limit is 10 MiB per file" } },
      ],
      [
        'a file that would fill the workspace past 50 MiB, between files that fit',
        [],
        [1, 2, 3, 4, 5].map((fill) => sizedFile(`f${fill}.bin`, MAX_FILE_SIZE, fill)).concat(sizedFile('x.csv', 300 * KiB), sizedFile('empty.csv', 0)),
        { 'x.csv': { code: 'ENOSPC', message: "Workspace full: writing 'x.csv' would use 50.3 MiB of 50 MiB" } },
      ],
      [
        'a path that escapes the workspace',
        [],
        [sizedFile('a.csv', 10), sizedFile('../b.csv', 10), sizedFile('c.csv', 10)],
        { '../b.csv': { code: 'EACCES', message: "Path escapes the workspace: '../b.csv'" } },
      ],
    ])('a burst with %s refuses only that write and stores the others', async (_case, before, burst, refused) => {
      const fs = await openWorkspaceWith(before)

      const results = await outcomes(burst.map(({ path, bytes }) => fs.writeBytes(path, bytes)))

      expect(Object.fromEntries(burst.flatMap(({ path }, index) => (results[index] ? [[path, results[index]]] : [])))).toEqual(refused)
      const written = burst.filter(({ path }) => !(path in refused))
      await expectStored(fs, { ...sizesOf(before), ...sizesOf(written) })
      for (const { path, bytes } of [...before, ...written].filter(({ bytes }) => bytes.byteLength < KiB)) {
        expect([...(await fs.readBytes(path))], path).toEqual([...bytes])
      }
    })

    it('keeps the last of writes to the same path in one burst, and counts the file once', async () => {
      const fs = await openWorkspaceWith([KEPT_FILE, textFile('a.csv', 'first')])
      await Promise.all([fs.writeText('a.csv', 'second'), fs.writeText('./a.csv', 'third!'), fs.writeText('b.csv', 'b')])
      expect(await fs.readText('a.csv')).toBe('third!')
      await expectStored(fs, sizesOf([KEPT_FILE, textFile('a.csv', 'third!'), textFile('b.csv', 'b')]))
    })

    it('counts the new files and the rewritten ones of a burst apart, whatever files lie between their paths', async () => {
      const fs = await openWorkspaceWith([KEPT_FILE, textFile('b.csv', 'bb'), textFile('d/e.csv', 'eee')])
      const burst = [textFile('a.csv', 'a'), textFile('d/e.csv', 'e'), textFile('c.csv', 'cccc'), textFile('z.csv', 'z')]
      await Promise.all(burst.map(({ path, bytes }) => fs.writeBytes(path, bytes)))
      await expectStored(fs, sizesOf([KEPT_FILE, textFile('b.csv', 'bb'), ...burst]))
    })
  })

  describe('writeFiles', () => {
    it('stores all files in one transaction and counts them', async () => {
      const fs = await openWorkspaceWith([KEPT_FILE])
      const files = [textFile('a.csv', 'a'), textFile('doe/b.csv', 'bb'), textFile('keep.csv', 'rewritten')]
      const createTransaction = vi.spyOn(IDBDatabase.prototype, 'transaction')
      await fs.writeFiles(files)
      expect(createTransaction.mock.calls.filter(([, mode]) => mode === 'readwrite')).toHaveLength(1)
      expect(await textsOf(fs)).toEqual({ 'a.csv': 'a', 'doe/b.csv': 'bb', 'keep.csv': 'rewritten' })
      await expectStored(fs, sizesOf(files))
    })

    it.each([
      [
        'a file over the per-file limit',
        [textFile('a.csv', 'new'), sizedFile('big.bin', MAX_FILE_SIZE + 1)],
        { code: 'EFBIG', message: "File too large: 'big.bin' is 10.1 MiB; the limit is 10 MiB per file" },
      ],
      [
        'files over the workspace limit together',
        [1, 2, 3, 4, 5, 6].map((fill) => sizedFile(`f${fill}.bin`, 9 * MiB, fill)),
        { code: 'ENOSPC', message: "Workspace full: writing 'f6.bin' would use 54.1 MiB of 50 MiB" },
      ],
      [
        'a path that escapes the workspace',
        [textFile('a.csv', 'new'), textFile('../b.csv', 'b')],
        { code: 'EACCES', message: "Path escapes the workspace: '../b.csv'" },
      ],
      [
        'content that is not bytes',
        [textFile('a.csv', 'new'), { path: 'b.csv', bytes: 'b' as unknown as Uint8Array }],
        { code: 'EINVAL', message: 'writeBytes expects a Uint8Array, got string' },
      ],
    ])('stores none of the files when one breaks a limit: %s', async (_case, files, expected) => {
      const before = [KEPT_FILE, textFile('a.csv', 'old')]
      const fs = await openWorkspaceWith(before)
      expect(await refusal(() => fs.writeFiles([textFile('keep.csv', 'rewritten'), ...files]))).toEqual(expected)
      expect(await textsOf(fs)).toEqual({ 'a.csv': 'old', 'keep.csv': 'id\n1\n' })
      await expectStored(fs, sizesOf(before))
    })
  })

  describe('usage records', () => {
    it('stay exact through writes, rewrites, refusals and removals', async () => {
      const fs = openWorkspace()
      const steps: Array<[string, (fs: BrowserWorkspace) => Promise<unknown>, Record<string, number>]> = [
        ['a new file', (fs) => fs.writeText('a.csv', 'abc'), { 'a.csv': 3 }],
        ['the same file rewritten longer', (fs) => fs.writeText('a.csv', 'abcdefgh'), { 'a.csv': 8 }],
        ['bytes in a folder', (fs) => fs.writeBytes('doe/b.bin', new Uint8Array(5)), { 'a.csv': 8, 'doe/b.bin': 5 }],
        ['the first file rewritten empty', (fs) => fs.writeText('./a.csv', ''), { 'a.csv': 0, 'doe/b.bin': 5 }],
        [
          'files written together, one new and one rewritten',
          (fs) => fs.writeFiles([textFile('c.csv', 'cccc'), sizedFile('doe/b.bin', 2)]),
          { 'a.csv': 0, 'c.csv': 4, 'doe/b.bin': 2 },
        ],
        ['a refused write', (fs) => fs.writeBytes('c.csv', new Uint8Array(MAX_FILE_SIZE + 1)).catch(() => {}), { 'a.csv': 0, 'c.csv': 4, 'doe/b.bin': 2 }],
        ['a refused removal', (fs) => fs.remove('missing.csv').catch(() => {}), { 'a.csv': 0, 'c.csv': 4, 'doe/b.bin': 2 }],
        ['a removal', (fs) => fs.remove('doe/b.bin'), { 'a.csv': 0, 'c.csv': 4 }],
        ['the last files removed together', (fs) => Promise.all([fs.remove('a.csv'), fs.remove('c.csv')]), {}],
      ]
      for (const [step, action, sizes] of steps) {
        await action(fs)
        await expectStored(fs, sizes, step)
      }
    })

    const missingRecords = [
      ['the file count', [FILE_COUNT]],
      ['the total size', [TOTAL_SIZE]],
      ['both records', [FILE_COUNT, TOTAL_SIZE]],
    ] as const
    const changes: Array<[string, (fs: BrowserWorkspace) => Promise<unknown>, Record<string, number>]> = [
      ['writing a new file', (fs) => fs.writeText('new.csv', '12'), { 'a.csv': 3, 'b/c.csv': 5, 'new.csv': 2 }],
      ['rewriting a file', (fs) => fs.writeText('a.csv', '1'), { 'a.csv': 1, 'b/c.csv': 5 }],
      ['writing files', (fs) => fs.writeFiles([textFile('d.csv', 'dddd'), textFile('a.csv', '')]), { 'a.csv': 0, 'b/c.csv': 5, 'd.csv': 4 }],
      ['removing a file', (fs) => fs.remove('b/c.csv'), { 'a.csv': 3 }],
    ]
    it.each(missingRecords.flatMap(([missing, records]) => changes.map(([change, action, sizes]) => ({ missing, records, change, action, sizes }))))(
      'are counted again from the entries when $missing is missing (an older database), then kept by $change',
      async ({ records, action, sizes }) => {
        const fs = await openWorkspaceWith([textFile('a.csv', 'aaa'), textFile('b/c.csv', 'ccccc')])
        await withConnection((db) => Promise.all(records.map((record) => db.delete(META, record))))
        await action(fs)
        await expectStored(fs, sizes)
      },
    )

    describe.each([
      ['recorded', true],
      ['counted from the entries of an older database', false],
    ])('with as many files as the limit allows, %s', (_case, recorded) => {
      const cachedFile = (index: number) => `.doe_cache/${index}.json`
      const CACHED_SIZE = 2

      /** Puts MAX_FILES entries straight into the database: writing that many files one by one would take long. */
      async function openFullWorkspace(): Promise<BrowserWorkspace> {
        const fs = openWorkspace()
        await withConnection(async (db) => {
          const transaction = db.transaction([ENTRIES, META], 'readwrite')
          const requests: Array<Promise<unknown>> = Array.from({ length: MAX_FILES }, (_, index) =>
            transaction.objectStore(ENTRIES).put({ path: cachedFile(index), size: CACHED_SIZE, modified: 0 }),
          )
          if (recorded) {
            requests.push(transaction.objectStore(META).put(MAX_FILES, FILE_COUNT), transaction.objectStore(META).put(MAX_FILES * CACHED_SIZE, TOTAL_SIZE))
          }
          await Promise.all([...requests, transaction.done])
        })
        return fs
      }

      it.each([
        ['writeText', (fs: BrowserWorkspace) => fs.writeText('one-more.csv', '')],
        ['writeBytes', (fs: BrowserWorkspace) => fs.writeBytes('one-more.csv', new Uint8Array())],
        ['writeFiles', (fs: BrowserWorkspace) => fs.writeFiles([textFile('one-more.csv', '')])],
      ])('%s of one more file is refused', async (_name, action) => {
        const fs = await openFullWorkspace()
        expect(await refusal(() => action(fs))).toEqual({
          code: 'ENOSPC',
          message: "Too many files: writing 'one-more.csv' would make 20,001 files; the limit is 20,000",
        })
        expect(await fs.exists('one-more.csv')).toBe(false)
      })

      it('rewrites a file, and takes a new one once a file is removed', async () => {
        const fs = await openFullWorkspace()
        await fs.writeText(cachedFile(0), '{"rewritten": true}')
        await fs.remove(cachedFile(1))
        await fs.writeText('one-more.csv', 'id\n')
        expect(await refusal(() => fs.writeText('two-more.csv', ''))).toEqual({
          code: 'ENOSPC',
          message: "Too many files: writing 'two-more.csv' would make 20,001 files; the limit is 20,000",
        })
        expect(await fs.readText('one-more.csv')).toBe('id\n')
        expect(await recordedUsage()).toEqual({ files: MAX_FILES, bytes: (MAX_FILES - 2) * CACHED_SIZE + '{"rewritten": true}'.length + 'id\n'.length })
      })
    })
  })

  describe('samples', () => {
    const SAMPLE_TEXTS = { 'cases.csv': 'id\n1\n', 'doe/a.csv': 'a', 'restaurant.yaml': 'name: x\n' }
    const SAMPLES = Object.entries(SAMPLE_TEXTS).map(([path, text]) => textFile(path, text))
    const loadSamples = () => vi.fn(async () => SAMPLES)

    it('are copied on the first start only, so a later start keeps edits and removals', async () => {
      const firstLoad = loadSamples()
      const first = new BrowserWorkspace(firstLoad)
      expect(await first.seedSamples()).toBe(true)
      expect(await textsOf(first)).toEqual(SAMPLE_TEXTS)
      await expectStored(first, sizesOf(SAMPLES))
      await first.writeText('cases.csv', 'edited')
      await first.remove('doe/a.csv')

      const laterLoad = loadSamples()
      const later = new BrowserWorkspace(laterLoad)
      expect(await later.seedSamples()).toBe(false)
      expect(await textsOf(later)).toEqual({ 'cases.csv': 'edited', 'restaurant.yaml': 'name: x\n' })
      expect([firstLoad.mock.calls.length, laterLoad.mock.calls.length]).toEqual([1, 0])
    })

    it('are copied once when two tabs start together', async () => {
      const tabs = [new BrowserWorkspace(loadSamples()), new BrowserWorkspace(loadSamples())]
      expect((await Promise.all(tabs.map((tab) => tab.seedSamples()))).sort()).toEqual([false, true])
      await expectStored(tabs[0], sizesOf(SAMPLES))
    })

    it.each([
      ['readText', (fs: BrowserWorkspace) => fs.readText('cases.csv'), 'id\n1\n'],
      ['list', (fs: BrowserWorkspace) => fs.list(), Object.keys(SAMPLE_TEXTS)],
      ['exists', (fs: BrowserWorkspace) => fs.exists('doe'), true],
      [
        'writeText',
        async (fs: BrowserWorkspace) => {
          await fs.writeText('cases.csv', 'mine')
          return fs.readText('cases.csv')
        },
        'mine',
      ],
    ])('%s issued while the samples are copied waits for them', async (_name, action, expected) => {
      const fs = new BrowserWorkspace(loadSamples())
      const seeding = fs.seedSamples()
      expect(await action(fs)).toEqual(expected)
      expect(await seeding).toBe(true)
    })

    it('are copied on the next start when they failed to load', async () => {
      const failing = new BrowserWorkspace(() => Promise.reject(new Error('Could not load the samples: offline')))
      expect(await refusal(() => failing.seedSamples())).toEqual({ code: undefined, message: 'Could not load the samples: offline' })
      expect(await failing.list()).toEqual([])

      const next = new BrowserWorkspace(loadSamples())
      expect(await next.seedSamples()).toBe(true)
      expect(await textsOf(next)).toEqual(SAMPLE_TEXTS)
    })

    it('are restored over edits and removals, leaving other files', async () => {
      const load = loadSamples()
      const fs = new BrowserWorkspace(load)
      await fs.seedSamples()
      await fs.writeText('cases.csv', 'edited, and longer than before')
      await fs.remove('doe/a.csv')
      await fs.writeText('doe/mine.csv', 'mine')

      expect(await fs.restoreSamples()).toEqual(SAMPLES.map(({ path }) => path))

      expect(await textsOf(fs)).toEqual({ ...SAMPLE_TEXTS, 'doe/mine.csv': 'mine' })
      await expectStored(fs, sizesOf([...SAMPLES, textFile('doe/mine.csv', 'mine')]))
      expect(load).toHaveBeenCalledTimes(2)
    })
  })

  describe('change notices', () => {
    it.each([
      ['a burst of writes', 1, (fs: BrowserWorkspace) => Promise.all(Array.from({ length: 200 }, (_, index) => fs.writeText(`out/${index}.csv`, 'x')))],
      [
        'writes and removals one after another',
        1,
        async (fs: BrowserWorkspace) => {
          await fs.writeText('a.csv', 'a')
          await fs.writeFiles([textFile('b.csv', 'b'), textFile('c.csv', 'c')])
          await fs.remove('a.csv')
        },
      ],
      ['a burst with a refused write', 1, (fs: BrowserWorkspace) => outcomes([fs.writeText('a.csv', 'a'), fs.writeBytes('big.bin', new Uint8Array(11 * MiB))])],
      ['a refused write', 0, (fs: BrowserWorkspace) => outcomes([fs.writeBytes('big.bin', new Uint8Array(11 * MiB))])],
      ['refused files', 0, (fs: BrowserWorkspace) => outcomes([fs.writeFiles([textFile('a.csv', 'a'), textFile('../b.csv', 'b')])])],
      ['a refused removal', 0, (fs: BrowserWorkspace) => outcomes([fs.remove('missing.csv')])],
      ['reads and listings', 0, (fs: BrowserWorkspace) => Promise.all([fs.readText(KEPT_FILE.path), fs.list(), fs.exists('keep.csv'), fs.entries()])],
    ])('after %s reach each listener %i time(s)', async (_case, calls, action) => {
      const fs = await openWorkspaceWith([KEPT_FILE])
      await wait(CHANGE_NOTICE_WAIT_MS)
      const listeners = [vi.fn(), vi.fn()]
      for (const listener of listeners) fs.onChange(listener)

      await action(fs)
      await wait(CHANGE_NOTICE_WAIT_MS)

      expect(listeners.map((listener) => listener.mock.calls.length)).toEqual([calls, calls])
    })

    it('reach the listeners of another tab once, and not a listener that stopped', async () => {
      const [writer, reader] = [openWorkspace(), openWorkspace()]
      const [writerListener, readerListener, stoppedListener] = [vi.fn(), vi.fn(), vi.fn()]
      writer.onChange(writerListener)
      reader.onChange(readerListener)
      const stop = reader.onChange(stoppedListener)
      stop()

      await Promise.all([writer.writeText('a.csv', 'a'), writer.writeText('b.csv', 'b')])
      await wait(CHANGE_NOTICE_WAIT_MS)

      expect([writerListener, readerListener, stoppedListener].map((listener) => listener.mock.calls.length)).toEqual([1, 1, 0])
      expect(await reader.list()).toEqual(['a.csv', 'b.csv'])
    })
  })
})
