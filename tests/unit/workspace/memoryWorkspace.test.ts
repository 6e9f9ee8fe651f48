import { EXISTS_CASES, EXISTS_FILES } from '../../support/existsCases'
import { describe, expect, it } from 'vitest'
import { MAX_FILES, MAX_FILE_SIZE, MAX_WORKSPACE_SIZE } from '../../../src/core/workspace/limits'
import { MemoryWorkspace } from '../../../src/core/workspace/memoryWorkspace'
import { refusal } from '../../support/workspaceErrors'

const MiB = 1024 * 1024

describe('MemoryWorkspace', () => {
  it('reads back what was written, by any spelling of the path', async () => {
    const fs = new MemoryWorkspace()
    await fs.writeText('./doe//cases.csv', 'id,x\n1,2\n')
    expect(await fs.readText('doe/cases.csv')).toBe('id,x\n1,2\n')
    expect(await fs.readText('/doe/runs/../cases.csv')).toBe('id,x\n1,2\n')
    expect(await fs.exists('doe/./cases.csv')).toBe(true)
  })

  it.each(EXISTS_CASES)('exists is true for %s (%j) → %s', async (_case, path, expected) => {
    const fs = new MemoryWorkspace(Object.fromEntries(EXISTS_FILES.map((path) => [path, ''])))
    expect(await fs.exists(path)).toBe(expected)
  })

  it('exists is false for a folder once its last file is removed', async () => {
    const fs = new MemoryWorkspace({ 'out/a.csv': '' })
    await fs.remove('out/a.csv')
    expect(await fs.exists('out')).toBe(false)
  })

  it('keeps bytes exactly, and copies them in and out', async () => {
    const fs = new MemoryWorkspace()
    const bytes = new Uint8Array([0, 255, 10, 13])
    await fs.writeBytes('blob.bin', bytes)
    bytes[0] = 9
    const read = await fs.readBytes('blob.bin')
    expect([...read]).toEqual([0, 255, 10, 13])
    read[1] = 1
    expect([...(await fs.readBytes('blob.bin'))]).toEqual([0, 255, 10, 13])
  })

  it('keeps a byte-order mark as U+FEFF in readText', async () => {
    const fs = new MemoryWorkspace({ 'bom.csv': new Uint8Array([0xef, 0xbb, 0xbf, 0x61]) })
    expect(await fs.readText('bom.csv')).toBe('\uFEFFa')
  })

  it('lists files below a folder, relative, recursive and sorted', async () => {
    const fs = new MemoryWorkspace({ 'z.txt': '', 'doe/runs/2.csv': '', 'doe/cases.csv': '', 'a.txt': '', 'doeX/y.csv': '' })
    expect(await fs.list()).toEqual(['a.txt', 'doe/cases.csv', 'doe/runs/2.csv', 'doeX/y.csv', 'z.txt'])
    expect(await fs.list('doe')).toEqual(['cases.csv', 'runs/2.csv'])
    expect(await fs.list('doe/runs/')).toEqual(['2.csv'])
    expect(await fs.list('nothing')).toEqual([])
  })

  it.each([
    ['readText', (fs: MemoryWorkspace) => fs.readText('missing/cases.csv')],
    ['readBytes', (fs: MemoryWorkspace) => fs.readBytes('missing/cases.csv')],
    ['remove', (fs: MemoryWorkspace) => fs.remove('missing/cases.csv')],
  ])('%s of a missing file rejects with ENOENT', async (_name, action) => {
    expect(await refusal(() => action(new MemoryWorkspace()))).toEqual({
      code: 'ENOENT',
      message: "No such file or directory: 'missing/cases.csv'",
    })
  })

  it.each([
    ['readText', (fs: MemoryWorkspace) => fs.readText('../secret.txt')],
    ['writeText', (fs: MemoryWorkspace) => fs.writeText('../secret.txt', 'x')],
    ['writeBytes', (fs: MemoryWorkspace) => fs.writeBytes('../secret.txt', new Uint8Array())],
    ['exists', (fs: MemoryWorkspace) => fs.exists('../secret.txt')],
    ['remove', (fs: MemoryWorkspace) => fs.remove('../secret.txt')],
  ])('%s refuses a path that escapes the workspace', async (_name, action) => {
    expect(await refusal(() => action(new MemoryWorkspace()))).toEqual({
      code: 'EACCES',
      message: "Path escapes the workspace: '../secret.txt'",
    })
  })

  it.each([
    ['readText', (fs: MemoryWorkspace, path: string) => fs.readText(path)],
    ['writeText', (fs: MemoryWorkspace, path: string) => fs.writeText(path, 'x')],
    ['writeBytes', (fs: MemoryWorkspace, path: string) => fs.writeBytes(path, new Uint8Array())],
    ['exists', (fs: MemoryWorkspace, path: string) => fs.exists(path)],
    ['list', (fs: MemoryWorkspace, path: string) => fs.list(path)],
    ['remove', (fs: MemoryWorkspace, path: string) => fs.remove(path)],
  ])('%s refuses a path over the length limit', async (_name, action) => {
    const fs = new MemoryWorkspace()
    expect(await refusal(() => action(fs, `out/${'n'.repeat(1496)}`))).toEqual({
      code: 'ENAMETOOLONG',
      message: `Path too long: 'out/${'n'.repeat(36)}…' has 1,500 characters; the limit is 1,024`,
    })
    expect(await fs.list()).toEqual([])
  })

  it('refuses a list that escapes the workspace', async () => {
    expect((await refusal(() => new MemoryWorkspace().list('a/../..'))).code).toBe('EACCES')
  })

  it('removes a file', async () => {
    const fs = new MemoryWorkspace({ 'a.txt': 'a', 'b.txt': 'b' })
    await fs.remove('a.txt')
    expect(await fs.list()).toEqual(['b.txt'])
  })

  it.each([
    ['writeText', (fs: MemoryWorkspace) => fs.writeText('x.txt', 42 as unknown as string), 'writeText expects a string, got number'],
    ['writeBytes', (fs: MemoryWorkspace) => fs.writeBytes('x.bin', [1, 2] as unknown as Uint8Array), 'writeBytes expects a Uint8Array, got Array'],
  ])('%s refuses content of the wrong type', async (_name, action, message) => {
    expect(await refusal(() => action(new MemoryWorkspace()))).toEqual({ code: 'EINVAL', message })
  })

  describe('size limits', () => {
    it.each([
      [
        'a file over the per-file limit',
        {},
        'big.bin',
        12 * MiB,
        { code: 'EFBIG', message: "File too large: 'big.bin' is 12.0 MiB; the limit is 10 MiB per file" },
      ],
      [
        'a write that fills the workspace past its limit',
        {
          'a.bin': new Uint8Array(MAX_FILE_SIZE),
          'b.bin': new Uint8Array(MAX_FILE_SIZE),
          'c.bin': new Uint8Array(MAX_FILE_SIZE),
          'd.bin': new Uint8Array(MAX_FILE_SIZE),
          'e.bin': new Uint8Array(MAX_FILE_SIZE),
        },
        'x.csv',
        300 * 1024,
        { code: 'ENOSPC', message: "Workspace full: writing 'x.csv' would use 50.3 MiB of 50 MiB" },
      ],
    ])('refuses %s', async (_case, initial, path, size, expected) => {
      const fs = new MemoryWorkspace(initial)
      expect(await refusal(() => fs.writeBytes(path, new Uint8Array(size)))).toEqual(expected)
      expect(await fs.exists(path)).toBe(false)
    })

    it('counts a rewritten file once, so a full workspace can still rewrite its files', async () => {
      const fs = new MemoryWorkspace()
      const files = MAX_WORKSPACE_SIZE / MAX_FILE_SIZE
      for (let index = 0; index < files; index += 1) await fs.writeBytes(`${index}.bin`, new Uint8Array(MAX_FILE_SIZE))
      await fs.writeBytes('0.bin', new Uint8Array(MAX_FILE_SIZE).fill(1))
      expect((await fs.readBytes('0.bin'))[0]).toBe(1)
    })

    it.each([
      ['too large', () => new Uint8Array(11 * MiB), 'EFBIG'],
      ['over the total', () => new Uint8Array(MAX_FILE_SIZE), 'ENOSPC'],
    ])('a failed write (%s) leaves the previous content intact', async (_case, content, code) => {
      const fs = new MemoryWorkspace({
        'keep.csv': 'id\n1\n',
        'f1.bin': new Uint8Array(MAX_FILE_SIZE),
        'f2.bin': new Uint8Array(MAX_FILE_SIZE),
        'f3.bin': new Uint8Array(MAX_FILE_SIZE),
        'f4.bin': new Uint8Array(MAX_FILE_SIZE),
        'f5.bin': new Uint8Array(1024),
      })
      await fs.writeText('keep.csv', 'id\n2\n')
      expect((await refusal(() => fs.writeBytes('keep.csv', content()))).code).toBe(code)
      expect(await fs.readText('keep.csv')).toBe('id\n2\n')
    })

    it('refuses a file past the file count, yet rewrites and replaces files at the limit', async () => {
      const fs = new MemoryWorkspace(Object.fromEntries(Array.from({ length: MAX_FILES }, (_, index) => [`.doe_cache/${index}.json`, '{}'])))
      expect(await refusal(() => fs.writeText('one-more.csv', ''))).toEqual({
        code: 'ENOSPC',
        message: "Too many files: writing 'one-more.csv' would make 20,001 files; the limit is 20,000",
      })
      expect(await fs.exists('one-more.csv')).toBe(false)

      await fs.writeText('.doe_cache/0.json', '{"rewritten": true}')
      await fs.remove('.doe_cache/1.json')
      await fs.writeText('one-more.csv', 'id\n')
      expect(await fs.readText('one-more.csv')).toBe('id\n')
      expect((await refusal(() => fs.writeText('two-more.csv', ''))).code).toBe('ENOSPC')
    })

    it('applies the limits to the initial files too', () => {
      expect(() => new MemoryWorkspace({ 'big.bin': new Uint8Array(MAX_FILE_SIZE + 1) })).toThrow(
        "File too large: 'big.bin' is 10.1 MiB; the limit is 10 MiB per file",
      )
    })
  })
})
