import { describe, expect, it } from 'vitest'
import { parseSampleIndex } from '../../../src/core/workspace/sampleIndex'

describe('parseSampleIndex', () => {
  it.each([
    [{ files: [] }, []],
    [{ files: ['cases.csv', './doe/cases-shell.csv', 'restaurant.yaml'] }, ['cases.csv', 'doe/cases-shell.csv', 'restaurant.yaml']],
  ])('%j', (json, expected) => {
    expect(parseSampleIndex(json)).toEqual(expected)
  })

  it.each([
    [null, 'the sample index must be an object with a "files" array'],
    [['cases.csv'], 'the sample index must be an object with a "files" array'],
    [{ files: 'cases.csv' }, 'the sample index must be an object with a "files" array'],
    [{ files: ['ok.csv', 3] }, 'files[1] must be a string'],
    [{ files: ['../outside.csv'] }, "Path escapes the workspace: '../outside.csv'"],
  ])('refuses %j', (json, message) => {
    expect(() => parseSampleIndex(json)).toThrow(message)
  })
})
