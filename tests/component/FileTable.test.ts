import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import FileTable from '../../src/components/files/FileTable.vue'
import { treeRows } from '../../src/core/workspace/tree'

const entries = [
  { path: 'cases.csv', size: 5, modified: 0 },
  { path: 'doe/a.csv', size: 1500, modified: 0 },
  { path: 'doe/b.csv', size: 100, modified: 0 },
]

function mountTable(expanded: string[] = []) {
  return mount(FileTable, { props: { rows: treeRows(entries, new Set(expanded)) } })
}

describe('FileTable', () => {
  it('shows a closed folder row with its count and size, and the root files', () => {
    const table = mountTable()
    const rows = table.findAll('tbody tr')
    expect(rows.map((row) => row.find('th').text())).toEqual(['▸ doe/', 'cases.csv'])
    expect(rows[0].find('[data-field="count"]').text()).toBe('2 files')
    expect(rows[0].find('[data-field="size"]').text()).toBe('1.6 KiB')
    expect(rows[0].find('button').attributes('aria-expanded')).toBe('false')
  })

  it('names a file row by its whole path, shown by its name inside an open folder', () => {
    const row = mountTable(['doe']).find('tr[data-path="doe/a.csv"]')
    expect(row.find('th').attributes('aria-label')).toBe('doe/a.csv')
    expect(row.find('th').text()).toBe('a.csv')
  })

  it('emits what the user asked for, with the path it concerns', async () => {
    const table = mountTable(['doe'])
    await table.find('button[aria-expanded]').trigger('click')
    await table.find('button[aria-label="Delete doe/"]').trigger('click')
    await table.find('button[aria-label="Edit doe/b.csv"]').trigger('click')
    await table.find('button[aria-label="View cases.csv"]').trigger('click')
    expect(table.emitted('toggle')).toEqual([['doe']])
    expect(table.emitted('deleteFolder')).toEqual([['doe', 2]])
    expect(table.emitted('edit')).toEqual([['doe/b.csv']])
    expect(table.emitted('view')).toEqual([['cases.csv']])
  })
})
