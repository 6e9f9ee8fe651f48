import { describe, expect, it } from 'vitest'
import { MAX_FILE_SIZE, MAX_WORKSPACE_SIZE, checkFileSize, checkWrite, formatSize } from '../../../src/core/workspace/limits'

const KiB = 1024
const MiB = 1024 * KiB

function refusal(action: () => void): { code: unknown; message: string } | null {
  try {
    action()
    return null
  } catch (error) {
    return { code: (error as { code?: unknown }).code, message: (error as Error).message }
  }
}

describe('limits', () => {
  it('are 10 MiB per file and 50 MiB in all', () => {
    expect([MAX_FILE_SIZE, MAX_WORKSPACE_SIZE]).toEqual([10 * MiB, 50 * MiB])
  })
})

describe('formatSize', () => {
  it.each([
    [0, undefined, '0 B'],
    [1023, undefined, '1023 B'],
    [1024, undefined, '1.0 KiB'],
    [1536, undefined, '1.5 KiB'],
    [1025, undefined, '1.1 KiB'],
    [12 * MiB, undefined, '12.0 MiB'],
    [MAX_FILE_SIZE + 1, undefined, '10.1 MiB'],
    [3 * 1024 * MiB, undefined, '3.0 GiB'],
    [10 * MiB, 0, '10 MiB'],
  ])('%d bytes (%s digits) → %s', (bytes, digits, expected) => {
    expect(formatSize(bytes, digits)).toBe(expected)
  })
})

describe('checkWrite', () => {
  it.each([
    ['big.bin', 12 * MiB, 0, { code: 'EFBIG', message: "File too large: 'big.bin' is 12.0 MiB; the limit is 10 MiB per file" }],
    ['big.bin', MAX_FILE_SIZE + 1, 0, { code: 'EFBIG', message: "File too large: 'big.bin' is 10.1 MiB; the limit is 10 MiB per file" }],
    ['x.csv', 300 * KiB, 50 * MiB, { code: 'ENOSPC', message: "Workspace full: writing 'x.csv' would use 50.3 MiB of 50 MiB" }],
    ['x.csv', 1, 50 * MiB, { code: 'ENOSPC', message: "Workspace full: writing 'x.csv' would use 50.1 MiB of 50 MiB" }],
    ['x.csv', MAX_FILE_SIZE, 40 * MiB, null],
    ['x.csv', 0, 50 * MiB, null],
  ])('%s of %d bytes beside %d bytes', (path, size, others, expected) => {
    expect(refusal(() => checkWrite(path, size, others))).toEqual(expected)
  })

  it('checks the file before the total', () => {
    expect(refusal(() => checkWrite('big.bin', 11 * MiB, 45 * MiB))?.code).toBe('EFBIG')
  })
})

describe('checkFileSize', () => {
  it('refuses only what is over the per-file limit', () => {
    expect(refusal(() => checkFileSize('ok.bin', MAX_FILE_SIZE))).toBeNull()
    expect(refusal(() => checkFileSize('big.bin', 11 * MiB))).toEqual({
      code: 'EFBIG',
      message: "File too large: 'big.bin' is 11.0 MiB; the limit is 10 MiB per file",
    })
  })
})
