import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, vi } from 'vitest'

const NodeBroadcastChannel = globalThis.BroadcastChannel

/**
 * Gives each test of the calling file an empty in-memory IndexedDB and BroadcastChannels of its own, so
 * neither stored files nor change notices carry over from one test to the next.
 */
export function isolateBrowserStorage(): void {
  let test = 0
  beforeEach(() => {
    test += 1
    const scope = test
    vi.stubGlobal('indexedDB', new IDBFactory())
    vi.stubGlobal(
      'BroadcastChannel',
      class extends NodeBroadcastChannel {
        constructor(name: string) {
          super(`${name} (test ${scope})`)
          // A notice still on its timer when the test ends is posted later, so the channel stays open; unref
          // keeps it from holding the test process alive.
          ;(this as unknown as { unref(): void }).unref()
        }
      },
    )
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })
}
