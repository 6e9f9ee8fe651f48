import { describe, expect, it } from 'vitest'
import { filesBelow, normalizeFilePath, normalizePath } from '../../../src/core/workspace/paths'

function codeAndMessage(action: () => unknown): { code: unknown; message: string } {
  try {
    action()
  } catch (error) {
    return { code: (error as { code?: unknown }).code, message: (error as Error).message }
  }
  throw new Error('expected a refusal')
}

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

  it.each(['..', '../x.csv', 'a/../../x.csv', './..', '/../etc/passwd'])('refuses %j as an escape', (path) => {
    expect(codeAndMessage(() => normalizePath(path))).toEqual({ code: 'EACCES', message: `Path escapes the workspace: '${path}'` })
  })
})

describe('normalizeFilePath', () => {
  it.each(['', '.', 'a/..'])('refuses %j, which names the root', (path) => {
    expect(codeAndMessage(() => normalizeFilePath(path))).toEqual({ code: 'EISDIR', message: `Not a file path: '${path}'` })
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
