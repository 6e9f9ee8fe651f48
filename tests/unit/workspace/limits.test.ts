import { describe, expect, it } from 'vitest'
import { MAX_FILES, MAX_FILE_SIZE, MAX_PATH_LENGTH, MAX_WORKSPACE_SIZE, checkFileSize, checkPathLength, checkWrite } from '../../../src/core/workspace/limits'
import { refusal } from '../../support/workspaceErrors'

const KiB = 1024
const MiB = 1024 * KiB

describe('limits', () => {
  it('are 10 MiB per file, 50 MiB and 20,000 files in all, and 1,024 characters per path', () => {
    expect([MAX_FILE_SIZE, MAX_WORKSPACE_SIZE, MAX_FILES, MAX_PATH_LENGTH]).toEqual([10 * MiB, 50 * MiB, 20_000, 1024])
  })
})

describe('checkWrite', () => {
  it.each([
    ['big.bin', 12 * MiB, { files: 0, bytes: 0 }, undefined, { code: 'EFBIG', message: "File too large: 'big.bin' is 12.0 MiB; the limit is 10 MiB per file" }],
    [
      'big.bin',
      MAX_FILE_SIZE + 1,
      { files: 0, bytes: 0 },
      undefined,
      { code: 'EFBIG', message: "File too large: 'big.bin' is 10.1 MiB; the limit is 10 MiB per file" },
    ],
    ['x.csv', 300 * KiB, { files: 5, bytes: 50 * MiB }, undefined, { code: 'ENOSPC', message: "Workspace full: writing 'x.csv' would use 50.3 MiB of 50 MiB" }],
    ['x.csv', 1, { files: 5, bytes: 50 * MiB }, undefined, { code: 'ENOSPC', message: "Workspace full: writing 'x.csv' would use 50.1 MiB of 50 MiB" }],
    ['x.csv', 2, { files: 5, bytes: 50 * MiB }, 1, { code: 'ENOSPC', message: "Workspace full: writing 'x.csv' would use 50.1 MiB of 50 MiB" }],
    [
      'x.csv',
      0,
      { files: MAX_FILES, bytes: 0 },
      undefined,
      { code: 'ENOSPC', message: "Too many files: writing 'x.csv' would make 20,001 files; the limit is 20,000" },
    ],
  ])('refuses %s of %d bytes beside %j (replacing %s bytes)', async (path, size, usage, previousSize, expected) => {
    expect(await refusal(() => checkWrite(path, size, usage, previousSize))).toEqual(expected)
  })

  it.each([
    ['a file up to the size limit', 'x.csv', MAX_FILE_SIZE, { files: 4, bytes: 40 * MiB }, undefined, { files: 5, bytes: 50 * MiB }],
    ['an empty file in a full workspace', 'x.csv', 0, { files: 5, bytes: 50 * MiB }, undefined, { files: 6, bytes: 50 * MiB }],
    ['the last file the count allows', 'x.csv', 1, { files: MAX_FILES - 1, bytes: 0 }, undefined, { files: MAX_FILES, bytes: 1 }],
    ['a rewrite at the file count limit', 'x.csv', 1, { files: MAX_FILES, bytes: 10 }, 5, { files: MAX_FILES, bytes: 6 }],
    ['a rewrite in a full workspace', 'x.bin', MAX_FILE_SIZE, { files: 5, bytes: 50 * MiB }, MAX_FILE_SIZE, { files: 5, bytes: 50 * MiB }],
  ])('accepts %s and returns the usage after it', (_case, path, size, usage, previousSize, after) => {
    expect(checkWrite(path, size, usage, previousSize)).toEqual(after)
  })

  it('checks the file before the total, and the total before the count', async () => {
    expect((await refusal(() => checkWrite('big.bin', 11 * MiB, { files: MAX_FILES, bytes: 45 * MiB }))).code).toBe('EFBIG')
    expect((await refusal(() => checkWrite('x.bin', MiB, { files: MAX_FILES, bytes: 50 * MiB }))).message).toMatch(/^Workspace full/)
  })
})

describe('checkFileSize', () => {
  it('refuses only what is over the per-file limit', async () => {
    expect(() => checkFileSize('ok.bin', MAX_FILE_SIZE)).not.toThrow()
    expect(await refusal(() => checkFileSize('big.bin', 11 * MiB))).toEqual({
      code: 'EFBIG',
      message: "File too large: 'big.bin' is 11.0 MiB; the limit is 10 MiB per file",
    })
  })
})

describe('checkPathLength', () => {
  it('accepts a path of exactly the limit', () => {
    expect(() => checkPathLength('a'.repeat(MAX_PATH_LENGTH))).not.toThrow()
  })

  it.each([
    ['x'.repeat(1500), 'x'.repeat(40), '1,500'],
    [`runs/${'y'.repeat(1020)}`, `runs/${'y'.repeat(35)}`, '1,025'],
    ['z'.repeat(1_048_576), 'z'.repeat(40), '1,048,576'],
  ])('refuses a longer one, quoting its first 40 characters', async (path, start, length) => {
    expect(await refusal(() => checkPathLength(path))).toEqual({
      code: 'ENAMETOOLONG',
      message: `Path too long: '${start}…' has ${length} characters; the limit is 1,024`,
    })
  })
})
