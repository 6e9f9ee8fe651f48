// The store's modules read Vite's `import.meta.env`, which Vitest provides.
/// <reference types="vite/client" />
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { MemoryWorkspace } from '../../../src/core/workspace/memoryWorkspace'
import type { WorkspaceEntry } from '../../../src/core/workspace/types'
import { useWorkspaceStore } from '../../../src/stores/workspace'

// IndexedDB is not in Node: the store runs on a workspace in memory with the browser workspace's extras.
vi.mock('../../../src/api/workspace/browserWorkspace', () => ({
  BrowserWorkspace: class extends MemoryWorkspace {
    constructor() {
      super({ 'cases.csv': 'id\n1\n', 'doe/a.csv': 'a', 'doe/runs/b.csv': 'b' })
    }
    async entries(): Promise<WorkspaceEntry[]> {
      return (await this.list()).map((path) => ({ path, size: 0, modified: 0 }))
    }
    onChange(): () => void {
      return () => {}
    }
    async seedSamples(): Promise<boolean> {
      return false
    }
  },
}))

type WorkspaceStore = ReturnType<typeof useWorkspaceStore>

function openStore(): WorkspaceStore {
  setActivePinia(createPinia())
  return useWorkspaceStore()
}

describe('the workspace store', () => {
  it('reads text, bytes and listings', async () => {
    const workspace = openStore()
    expect(await workspace.readText('cases.csv')).toBe('id\n1\n')
    expect([...((await workspace.read('doe/a.csv')) ?? [])]).toEqual([0x61])
    expect(await workspace.list('doe')).toEqual(['a.csv', 'runs/b.csv'])
    expect(await workspace.list()).toEqual(['cases.csv', 'doe/a.csv', 'doe/runs/b.csv'])
    expect(workspace.errors).toEqual([])
  })

  it.each([
    ['readText', (workspace: WorkspaceStore) => workspace.readText('missing.csv'), "No such file or directory: 'missing.csv'"],
    ['read', (workspace: WorkspaceStore) => workspace.read('missing.csv'), "No such file or directory: 'missing.csv'"],
    ['list', (workspace: WorkspaceStore) => workspace.list('../outside'), "Path escapes the workspace: '../outside'"],
  ])('%s resolves to null when it fails, and says why in errors', async (_name, action, message) => {
    const workspace = openStore()
    expect(await action(workspace)).toBeNull()
    expect(workspace.errors).toEqual([message])
  })

  it.each([
    ['readText', (workspace: WorkspaceStore) => workspace.readText('missing.csv', { quiet: true })],
    ['read', (workspace: WorkspaceStore) => workspace.read('missing.csv', { quiet: true })],
    ['list', (workspace: WorkspaceStore) => workspace.list('../outside', { quiet: true })],
  ])('a quiet %s resolves to null and leaves errors as they were', async (_name, action) => {
    const workspace = openStore()
    await workspace.readText('earlier.csv')
    expect(await action(workspace)).toBeNull()
    expect(workspace.errors).toEqual(["No such file or directory: 'earlier.csv'"])
  })

  it('a successful read clears the errors of the last action', async () => {
    const workspace = openStore()
    await workspace.readText('missing.csv')
    await workspace.readText('cases.csv')
    expect(workspace.errors).toEqual([])
  })
})
