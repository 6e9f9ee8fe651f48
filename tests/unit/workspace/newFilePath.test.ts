import { describe, expect, it } from 'vitest'
import { newFilePath } from '../../../src/core/workspace/newFilePath'
import { refusal } from '../../support/workspaceErrors'

const existing = ['cases.csv', 'doe/runs/1.csv']

describe('the path of a new file', () => {
  it('is normalised', () => {
    expect(newFilePath(' notes.txt', existing)).toBe(' notes.txt')
    expect(newFilePath('./doe//new.csv', existing)).toBe('doe/new.csv')
    expect(newFilePath('doe/runs/2.csv', existing)).toBe('doe/runs/2.csv')
  })

  it.each([
    ['', 'EINVAL', "Enter the new file's path, such as notes.txt or doe/cases.csv"],
    ['  ', 'EINVAL', "Enter the new file's path, such as notes.txt or doe/cases.csv"],
    ['./cases.csv', 'EEXIST', "'cases.csv' already exists: use its Edit button to change it"],
    ['doe/runs/', 'EISDIR', "'doe/runs' is a folder: choose another path"],
    ['doe', 'EISDIR', "'doe' is a folder: choose another path"],
    ['../up.txt', 'EACCES', "Path escapes the workspace: '../up.txt'"],
    ['.', 'EISDIR', "Not a file path: '.'"],
    ['..', 'EACCES', "Path escapes the workspace: '..'"],
    ['a\0b.txt', 'EINVAL', 'A path cannot contain the NUL character (\\0)'],
  ])('refuses %j with %s', async (path, code, message) => {
    expect(await refusal(async () => newFilePath(path, existing))).toEqual({ code, message })
  })
})
