import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import { errorMessage } from '../core/errorMessage'
import type { LocalWheel } from '../core/localWheels'
import { LOCAL_WHEELS_DB_NAME } from '../core/storageKeys'

interface LocalWheelsDb extends DBSchema {
  wheels: { key: string; value: LocalWheel }
}

const WHEELS = 'wheels'

/**
 * The local wheels in IndexedDB, where binary files fit (localStorage holds text of a few MiB in all).
 * A browser that refuses IndexedDB keeps none: reading gives none, and keeping one fails with its reason.
 */
export class LocalWheelStorage {
  private database: Promise<IDBPDatabase<LocalWheelsDb>> | undefined

  async read(): Promise<LocalWheel[]> {
    try {
      return await (await this.open()).getAll(WHEELS)
    } catch {
      return []
    }
  }

  /** Keeps `kept` (replacing a wheel of the same file name) and forgets the wheels named in `removed`, all or nothing. */
  async write(kept: readonly LocalWheel[], removed: readonly string[]): Promise<void> {
    try {
      const transaction = (await this.open()).transaction(WHEELS, 'readwrite')
      await Promise.all([
        ...kept.map((wheel) => transaction.store.put(wheel)),
        ...removed.map((fileName) => transaction.store.delete(fileName)),
        transaction.done,
      ])
    } catch (error) {
      throw new Error(`this browser refused to keep the change: ${errorMessage(error)}`)
    }
  }

  private open(): Promise<IDBPDatabase<LocalWheelsDb>> {
    this.database ??= openDB<LocalWheelsDb>(LOCAL_WHEELS_DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore(WHEELS, { keyPath: 'fileName' })
      },
    })
    return this.database
  }
}
