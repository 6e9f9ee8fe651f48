import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import { WORKSPACE_DB_NAME } from '../../core/storageKeys'
import type { WorkspaceEntry } from '../../core/workspace/types'

/**
 * The workspace database. Listings read only `entries`, so they never load file contents; a write
 * puts into both stores in one transaction, so a file's entry and bytes always match.
 */
export interface WorkspaceDb extends DBSchema {
  entries: { key: string; value: WorkspaceEntry }
  contents: { key: string; value: Uint8Array }
  meta: { key: string; value: number }
}

export const ENTRIES = 'entries'
export const CONTENTS = 'contents'
export const META = 'meta'
/** Meta record written (with the time) when the samples were first copied in; never on later starts. */
export const SAMPLES_SEEDED = 'samplesSeededAt'
/** Meta record with the bytes all files use, kept in step by every write and removal. */
export const TOTAL_SIZE = 'totalSize'
/** Meta record with the number of files, kept in step like {@link TOTAL_SIZE}. */
export const FILE_COUNT = 'fileCount'

const SCHEMA_VERSION = 1

export function openWorkspaceDb(): Promise<IDBPDatabase<WorkspaceDb>> {
  return openDB<WorkspaceDb>(WORKSPACE_DB_NAME, SCHEMA_VERSION, {
    upgrade(db) {
      db.createObjectStore(ENTRIES, { keyPath: 'path' })
      db.createObjectStore(CONTENTS)
      db.createObjectStore(META)
    },
  })
}
