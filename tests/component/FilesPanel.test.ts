/// <reference types="vite/client" />
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { MemoryWorkspace } from '../../src/core/workspace/memoryWorkspace'
import type { WorkspaceEntry } from '../../src/core/workspace/types'
import FilesPanel from '../../src/panels/FilesPanel.vue'

// IndexedDB is not in the simulated DOM: the panel's store runs on a workspace in memory.
vi.mock('../../src/api/workspace/browserWorkspace', () => ({
  BrowserWorkspace: class extends MemoryWorkspace {
    constructor() {
      super({ 'cases.csv': 'id\n1\n', 'doe/a.csv': 'a', 'doe/runs/b.csv': 'bb' })
    }
    async entries(): Promise<WorkspaceEntry[]> {
      return Promise.all((await this.list()).map(async (path) => ({ path, size: (await this.readBytes(path)).byteLength, modified: 0 })))
    }
    onChange(): () => void {
      return () => {}
    }
    async seedSamples(): Promise<boolean> {
      return false
    }
  },
}))

async function mountPanel() {
  setActivePinia(createPinia())
  const panel = mount(FilesPanel, { attachTo: document.body })
  await flushPromises()
  return panel
}

function rowHeaders(panel: Awaited<ReturnType<typeof mountPanel>>): string[] {
  return panel.findAll('tbody th').map((header) => header.attributes('aria-label') ?? header.text())
}

describe('FilesPanel', () => {
  it('lists folders closed and files at the root, with the usage', async () => {
    const panel = await mountPanel()
    expect(rowHeaders(panel)).toEqual(['▸ doe/', 'cases.csv'])
    expect(panel.find('[data-field="usage"]').text()).toMatch(/^3 of 20,000 files, 8 B of 50 MiB used$/)
  })

  it('filters by path and says how many files match', async () => {
    const panel = await mountPanel()
    await panel.find('input[type="search"]').setValue('runs')
    expect(rowHeaders(panel)).toEqual(['▾ doe/', '▾ runs/', 'doe/runs/b.csv'])
    expect(panel.find('[data-field="matches"]').text()).toBe('1 of 3 files match.')
  })

  it('refuses a new file over an existing one with the exact message, and keeps the text', async () => {
    const panel = await mountPanel()
    await panel
      .findAll('button')
      .find((button) => button.text() === 'New file')
      ?.trigger('click')
    await panel.find('.file-editor input').setValue('cases.csv')
    await panel
      .findAll('.file-editor button')
      .find((button) => button.text() === 'Save')
      ?.trigger('click')
    await flushPromises()
    expect(panel.find('.file-editor [role="alert"]').text()).toBe("'cases.csv' already exists: use its Edit button to change it")
    expect(panel.find('.file-editor input').element).toHaveProperty('value', 'cases.csv')
    panel.unmount()
  })
})
