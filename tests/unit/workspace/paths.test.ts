import { describe, expect, it } from 'vitest'
import { MAX_PATH_LENGTH } from '../../../src/core/workspace/limits'
import { comparePaths, filesBelow, folderBounds, normalizeFilePath, normalizePath } from '../../../src/core/workspace/paths'
import { refusal } from '../../support/workspaceErrors'

describe('normalizePath', () => {
  it.each([
    ['cases.csv', 'cases.csv'],
    ['./cases.csv', 'cases.csv'],
    ['/cases.csv', 'cases.csv'],
    ['doe//runs/./out.csv', 'doe/runs/out.csv'],
    ['doe/runs/../cases.csv', 'doe/cases.csv'],
    ['doe/', 'doe'],
    ['', ''],
    ['.', ''],
    ['a/..', ''],
  ])('%j → %j', (path, expected) => {
    expect(normalizePath(path)).toBe(expected)
  })

  it.each(['..', '../x.csv', 'a/../../x.csv', './..', '/../etc/passwd'])('refuses %j as an escape', async (path) => {
    expect(await refusal(() => normalizePath(path))).toEqual({ code: 'EACCES', message: `Path escapes the workspace: '${path}'` })
  })

  it('refuses a path over the length limit before looking at its parts', async () => {
    const path = `${'./'.repeat(MAX_PATH_LENGTH)}x.csv`
    expect(await refusal(() => normalizePath(path))).toEqual({
      code: 'ENAMETOOLONG',
      message: `Path too long: '${'./'.repeat(20)}…' has 2,053 characters; the limit is 1,024`,
    })
  })

  it('accepts a path of exactly the length limit', () => {
    const path = `doe/${'c'.repeat(MAX_PATH_LENGTH - 4)}`
    expect(normalizePath(path)).toBe(path)
  })
})

describe('normalizeFilePath', () => {
  it.each(['', '.', 'a/..'])('refuses %j, which names the root', async (path) => {
    expect(await refusal(() => normalizeFilePath(path))).toEqual({ code: 'EISDIR', message: `Not a file path: '${path}'` })
  })
})

describe('folderBounds', () => {
  // Neighbours of '/' in code-unit order, and characters above the Basic Multilingual Plane.
  const paths = [
    'doe',
    'doe-x.csv',
    'doe.txt',
    'doe/',
    'doe/a.csv',
    'doe/\uffff',
    'doe/😀/x',
    'doe//x',
    'doe0',
    'doe0/a',
    'doeX/y',
    'do',
    'doe\uffff',
    'a/doe/b',
  ]

  it.each(['doe', 'doe/runs', '.doe_cache', '😀'])('holds exactly the paths below %j', (dir) => {
    const { lower, upper } = folderBounds(dir)
    const candidates = [...paths, ...paths.map((path) => path.replace('doe', dir))]
    for (const path of candidates) {
      const inBounds = comparePaths(lower, path) <= 0 && comparePaths(path, upper) < 0
      expect([path, inBounds]).toEqual([path, path.startsWith(`${dir}/`)])
    }
  })
})

describe('filesBelow', () => {
  const all = ['z.txt', 'doe/runs/2.csv', 'doe/cases.csv', 'a.txt', 'doe/runs/10.csv', 'doeX/other.csv', 'B.txt']

  it.each([
    ['', ['B.txt', 'a.txt', 'doe/cases.csv', 'doe/runs/10.csv', 'doe/runs/2.csv', 'doeX/other.csv', 'z.txt']],
    ['doe', ['cases.csv', 'runs/10.csv', 'runs/2.csv']],
    ['doe/', ['cases.csv', 'runs/10.csv', 'runs/2.csv']],
    ['./doe/runs', ['10.csv', '2.csv']],
    ['missing', []],
  ])('below %j', (dir, expected) => {
    expect(filesBelow(all, dir)).toEqual(expected)
  })
})
