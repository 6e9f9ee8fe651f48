import { describe, expect, it } from 'vitest'
import { treeRows } from '../../../src/core/workspace/tree'

const entries = ['.doe_cache/a.json', '.doe_cache/b.json', 'cases.csv', 'doe/cases.csv', 'doe/runs/1.csv', 'restaurant.yaml'].map((path, index) => ({
  path,
  size: 10 * (index + 1),
  modified: index,
}))

/** Each row as `<indent><path>`, folders with a slash, their counts and sizes. */
function outline(expanded: string[], filter = ''): string[] {
  return treeRows(entries, new Set(expanded), filter).map((row) =>
    row.kind === 'folder'
      ? `${'  '.repeat(row.depth)}${row.name}/ ${row.files} files ${row.size} B${row.expanded ? ' open' : ''}`
      : `${'  '.repeat(row.depth)}${row.name} in '${row.folder}'`,
  )
}

describe('the rows of the Files list', () => {
  it('lists folders closed, first, with the files and bytes below them', () => {
    expect(outline([])).toEqual(['.doe_cache/ 2 files 30 B', 'doe/ 2 files 90 B', "cases.csv in ''", "restaurant.yaml in ''"])
  })

  it('opens only the expanded folders, nested ones included', () => {
    expect(outline(['doe', 'doe/runs'])).toEqual([
      '.doe_cache/ 2 files 30 B',
      'doe/ 2 files 90 B open',
      '  runs/ 1 files 50 B open',
      "    1.csv in 'doe/runs/'",
      "  cases.csv in 'doe/'",
      "cases.csv in ''",
      "restaurant.yaml in ''",
    ])
    expect(outline(['doe/runs'])).toEqual(outline([]))
  })

  it('a filter keeps the matching files and opens the folders that hold them, whole-folder counts kept', () => {
    expect(outline([], 'CASES')).toEqual(['doe/ 2 files 90 B open', "  cases.csv in 'doe/'", "cases.csv in ''"])
    expect(outline([], 'runs/')).toEqual(['doe/ 2 files 90 B open', '  runs/ 1 files 50 B open', "    1.csv in 'doe/runs/'"])
    expect(outline([], 'nothing')).toEqual([])
  })

  it('an empty workspace has no rows', () => {
    expect(treeRows([], new Set())).toEqual([])
  })
})
