import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { DirectoryWorkspace } from '../../../src/cli/directoryWorkspace'
import { EXISTS_CASES, EXISTS_FILES } from '../../support/existsCases'
import { refusal } from '../../support/workspaceErrors'

let folder: string
let fs: DirectoryWorkspace

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'directory-workspace-'))
  fs = new DirectoryWorkspace(folder)
})
afterEach(() => rm(folder, { recursive: true, force: true }))

describe('DirectoryWorkspace', () => {
  test('writes into the folder, creating subfolders, and reads back text and bytes', async () => {
    await fs.writeText('out/run/metrics.csv', '\uFEFFa,b\r\n')
    await fs.writeBytes('raw.bin', new Uint8Array([0, 255]))
    expect(await readFile(join(folder, 'out/run/metrics.csv'), 'utf8')).toBe('\uFEFFa,b\r\n')
    expect(await fs.readText('out/run/metrics.csv')).toBe('\uFEFFa,b\r\n')
    expect([...(await fs.readBytes('raw.bin'))]).toEqual([0, 255])
  })

  test('lists files below a folder, relative to it, sorted by code unit', async () => {
    for (const path of ['b.txt', 'a/Z.txt', 'a/b/c.txt', 'a.txt']) await fs.writeText(path, path)
    expect(await fs.list()).toEqual(['a.txt', 'a/Z.txt', 'a/b/c.txt', 'b.txt'])
    expect(await fs.list('a')).toEqual(['Z.txt', 'b/c.txt'])
    expect(await fs.list('missing')).toEqual([])
  })

  test.each(EXISTS_CASES)('exists: %s', async (_, path, expected) => {
    for (const file of EXISTS_FILES) await fs.writeText(file, '')
    expect(await fs.exists(path)).toBe(expected)
  })

  test('refuses what the browser workspace refuses, with the same codes and messages', async () => {
    expect(await refusal(() => fs.readText('missing.csv'))).toEqual({ code: 'ENOENT', message: "No such file or directory: 'missing.csv'" })
    expect(await refusal(() => fs.remove('missing.csv'))).toEqual({ code: 'ENOENT', message: "No such file or directory: 'missing.csv'" })
    expect(await refusal(() => fs.writeText('../outside.txt', 'x'))).toEqual({ code: 'EACCES', message: "Path escapes the workspace: '../outside.txt'" })
    expect(await refusal(() => fs.writeText('a/../../outside.txt', 'x'))).toEqual({
      code: 'EACCES',
      message: "Path escapes the workspace: 'a/../../outside.txt'",
    })
    expect(await refusal(() => fs.writeText('', 'x'))).toEqual({ code: 'EISDIR', message: "Not a file path: ''" })
    expect(await refusal(() => fs.writeText('x.txt', 42 as unknown as string))).toEqual({ code: 'EINVAL', message: 'writeText expects a string, got number' })
    expect(await fs.list()).toEqual([])
  })

  test('removes a file and only a file', async () => {
    await fs.writeText('doe/cases.csv', 'x')
    expect(await refusal(() => fs.remove('doe'))).toEqual({ code: 'ENOENT', message: "No such file or directory: 'doe'" })
    await fs.remove('doe/cases.csv')
    expect(await fs.exists('doe/cases.csv')).toBe(false)
  })
})
