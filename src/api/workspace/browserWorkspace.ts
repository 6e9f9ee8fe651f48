import { unwrap, type IDBPDatabase, type IDBPTransaction } from 'idb'
import { decodeText, encodeText, requireBytes } from '../../core/workspace/content'
import { checkWrite, type WorkspaceUsage } from '../../core/workspace/limits'
import { filesBelow, folderBounds, normalizeFilePath, normalizePath, notFound } from '../../core/workspace/paths'
import { WorkspaceError, type WorkspaceEntry, type WorkspaceFile, type WorkspaceFs } from '../../core/workspace/types'
import { WORKSPACE_CHANNEL_NAME } from '../../core/storageKeys'
import { CONTENTS, ENTRIES, FILE_COUNT, META, SAMPLES_SEEDED, TOTAL_SIZE, openWorkspaceDb, type WorkspaceDb } from './workspaceDb'

const CHANGE_NOTICE_DELAY_MS = 50
/** Enough to pay for a transaction many times over, few enough to keep each flush a short task. */
const MAX_WRITES_PER_TRANSACTION = 256

interface PendingWrite {
  path: string
  key: string
  bytes: Uint8Array
}

/** A single-file write waiting to be committed with the others that arrived in the same burst. */
interface QueuedWrite {
  write: PendingWrite
  resolve(): void
  reject(error: unknown): void
}

/**
 * The playground's persistent workspace (spec §4) in IndexedDB: the `ctx.fs` of plugin runs and the
 * content of the Files panel. Listeners hear of every change, made in this tab or in another one.
 */
export class BrowserWorkspace implements WorkspaceFs {
  private readonly opened: Promise<IDBPDatabase<WorkspaceDb>>
  /** {@link opened}, or later than that while the first-start samples are being copied in. */
  private ready: Promise<IDBPDatabase<WorkspaceDb>>
  private readonly loadSamples: () => Promise<WorkspaceFile[]>
  private readonly listeners = new Set<() => void>()
  private readonly channel: BroadcastChannel | null
  private pendingChange: ReturnType<typeof setTimeout> | undefined
  private queuedWrites: QueuedWrite[] = []
  private flushScheduled = false

  /** `loadSamples` gives the sample files, fetched on the very first start and when the samples are restored. */
  constructor(loadSamples: () => Promise<WorkspaceFile[]>) {
    this.loadSamples = loadSamples
    this.opened = openWorkspaceDb()
    this.ready = this.opened
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(WORKSPACE_CHANNEL_NAME) : null
    this.channel?.addEventListener('message', () => this.notify())
  }

  async readBytes(path: string): Promise<Uint8Array> {
    const key = normalizeFilePath(path)
    const bytes = await (await this.database()).get(CONTENTS, key)
    if (!bytes) throw notFound(path)
    return bytes
  }

  async readText(path: string): Promise<string> {
    return decodeText(await this.readBytes(path))
  }

  async writeBytes(path: string, bytes: Uint8Array): Promise<void> {
    await this.writeOne({ path, bytes: requireBytes(bytes) })
  }

  async writeText(path: string, text: string): Promise<void> {
    await this.writeOne({ path, bytes: encodeText(text) })
  }

  /** True for a file, and for a folder (the root included) with any file below it. */
  async exists(path: string): Promise<boolean> {
    const key = normalizePath(path)
    if (key === '') return true
    const entries = (await this.database()).transaction(ENTRIES).store
    const [file, firstBelow] = await Promise.all([entries.getKey(key), entries.getKey(folderRange(key))])
    return file !== undefined || firstBelow !== undefined
  }

  async list(dir = ''): Promise<string[]> {
    const base = normalizePath(dir)
    const keys = await (await this.database()).getAllKeys(ENTRIES, base === '' ? undefined : folderRange(base))
    return filesBelow(keys, base)
  }

  async remove(path: string): Promise<void> {
    const key = normalizeFilePath(path)
    const transaction = (await this.database()).transaction([ENTRIES, CONTENTS, META], 'readwrite')
    const entry = await transaction.objectStore(ENTRIES).get(key)
    if (entry === undefined) throw notFound(path)
    const usage = await usageOf(transaction)
    putUsage(transaction, { files: usage.files - 1, bytes: usage.bytes - entry.size })
    await Promise.all([transaction.objectStore(ENTRIES).delete(key), transaction.objectStore(CONTENTS).delete(key), transaction.done])
    this.changed()
  }

  /** Removes every file below the folder `path` in one go; resolves to how many there were. */
  async removeFolder(path: string): Promise<number> {
    const range = folderRange(normalizeFilePath(path))
    const transaction = (await this.database()).transaction([ENTRIES, CONTENTS, META], 'readwrite')
    const [entries, usage] = await Promise.all([transaction.objectStore(ENTRIES).getAll(range), usageOf(transaction)])
    if (entries.length === 0) throw notFound(path)
    const bytes = entries.reduce((total, entry) => total + entry.size, 0)
    putUsage(transaction, { files: usage.files - entries.length, bytes: usage.bytes - bytes })
    await Promise.all([transaction.objectStore(ENTRIES).delete(range), transaction.objectStore(CONTENTS).delete(range), transaction.done])
    this.changed()
    return entries.length
  }

  /** Every file with its size and modification time, sorted by path (IndexedDB's key order). */
  async entries(): Promise<WorkspaceEntry[]> {
    return (await this.database()).getAll(ENTRIES)
  }

  /** Writes all of `files`, or none of them when one breaks a limit or the browser's storage is full. */
  async writeFiles(files: WorkspaceFile[]): Promise<void> {
    const writes = pendingWrites(files)
    await this.commit(await this.database(), writes, false)
    this.changed()
  }

  /**
   * Copies the samples in on the very first start (recorded in the database, so also across tabs);
   * resolves to whether it did. Reads and writes wait for it, so a plugin never races the copy.
   */
  seedSamples(): Promise<boolean> {
    const seeding = this.seedOnFirstStart()
    this.ready = seeding.then(
      () => this.opened,
      () => this.opened,
    )
    return seeding
  }

  /** Writes the samples again, overwriting files of the same name and leaving the others; resolves to their paths. */
  async restoreSamples(): Promise<string[]> {
    const samples = await this.loadSamples()
    await this.writeFiles(samples)
    return samples.map((sample) => sample.path)
  }

  /** Calls `listener` after every change to the files; returns the function that stops that. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * A plugin can write thousands of small files in a second (DOE Runner caches every case): writes that
   * arrive together share one transaction instead of paying for one each. Each still succeeds or fails
   * on its own, and resolves only once it is stored.
   */
  private writeOne(file: WorkspaceFile): Promise<void> {
    const [write] = pendingWrites([file])
    return new Promise((resolve, reject) => {
      this.queuedWrites.push({ write, resolve, reject })
      this.scheduleFlush()
    })
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return
    this.flushScheduled = true
    setTimeout(() => {
      this.flushScheduled = false
      // Empty when another operation started the queued writes first.
      if (this.queuedWrites.length === 0) return
      void this.commitQueued(this.queuedWrites.splice(0, MAX_WRITES_PER_TRANSACTION))
      if (this.queuedWrites.length > 0) this.scheduleFlush()
    }, 0)
  }

  /**
   * The database, for an operation that must see the writes issued before it (a plugin need not await a
   * write before reading the file back). IndexedDB runs transactions on the same stores in the order they
   * were created, so this starts the queued writes' transactions now: they wait on {@link ready} before
   * the caller does, and so create theirs first.
   */
  private database(): Promise<IDBPDatabase<WorkspaceDb>> {
    while (this.queuedWrites.length > 0) void this.commitQueued(this.queuedWrites.splice(0, MAX_WRITES_PER_TRANSACTION))
    return this.ready
  }

  /** Commits `batch` in one transaction; each write is stored or refused on its own. */
  private async commitQueued(batch: QueuedWrite[]): Promise<void> {
    const accepted: QueuedWrite[] = []
    const refused = new Set<QueuedWrite>()
    try {
      const transaction = (await this.ready).transaction([ENTRIES, CONTENTS, META], 'readwrite')
      const writes = batch.map(({ write }) => write)
      const [sizes, usageBefore] = await Promise.all([previousSizes(transaction, writes), usageOf(transaction)])
      let usage = usageBefore
      const modified = Date.now()
      for (const queued of batch) {
        const { path, key, bytes } = queued.write
        try {
          usage = checkWrite(path, bytes.byteLength, usage, sizes.get(key))
        } catch (error) {
          refused.add(queued)
          queued.reject(error)
          continue
        }
        sizes.set(key, bytes.byteLength)
        accepted.push(queued)
        putFile(transaction, queued.write, modified)
      }
      putUsage(transaction, usage)
      await transaction.done
    } catch (error) {
      const unsettled = batch.filter((queued) => !refused.has(queued))
      const failure = storageFailure(
        error,
        unsettled.map(({ write }) => write),
      )
      for (const queued of unsettled) queued.reject(failure)
      return
    }
    for (const queued of accepted) queued.resolve()
    if (accepted.length) this.changed()
  }

  private async seedOnFirstStart(): Promise<boolean> {
    const db = await this.opened
    if ((await db.get(META, SAMPLES_SEEDED)) !== undefined) return false
    const seeded = await this.commit(db, pendingWrites(await this.loadSamples()), true)
    if (seeded) this.changed()
    return seeded
  }

  /**
   * Puts `writes` in one transaction after checking the limits against what is stored. With `asSeed`,
   * it does nothing when another tab seeded meanwhile, and records the seeding otherwise.
   */
  private async commit(db: IDBPDatabase<WorkspaceDb>, writes: PendingWrite[], asSeed: boolean): Promise<boolean> {
    const transaction = db.transaction([ENTRIES, CONTENTS, META], 'readwrite')
    // A refusal below happens before any request, so the transaction commits nothing.
    if (asSeed && (await transaction.objectStore(META).get(SAMPLES_SEEDED)) !== undefined) return false
    const usage = checkWrites(writes, await usageOf(transaction), await previousSizes(transaction, writes))

    const modified = Date.now()
    for (const write of writes) putFile(transaction, write, modified)
    putUsage(transaction, usage)
    if (asSeed) unwrap(transaction.objectStore(META)).put(modified, SAMPLES_SEEDED)
    try {
      await transaction.done
    } catch (error) {
      throw storageFailure(error, writes)
    }
    return true
  }

  /** Tells listeners and other tabs, once per burst: a run can write thousands of files in a second. */
  private changed(): void {
    this.pendingChange ??= setTimeout(() => {
      this.pendingChange = undefined
      this.notify()
      this.channel?.postMessage('changed')
    }, CHANGE_NOTICE_DELAY_MS)
  }

  private notify(): void {
    for (const listener of this.listeners) listener()
  }
}

function pendingWrites(files: WorkspaceFile[]): PendingWrite[] {
  return files.map(({ path, bytes }) => ({ path, key: normalizeFilePath(path), bytes: requireBytes(bytes) }))
}

/**
 * Checks each write against the limits as if the ones before it were already done; returns the usage after
 * all of them. `sizes` holds the current size of every path written (undefined for a new file).
 */
function checkWrites(writes: PendingWrite[], usage: WorkspaceUsage, sizes: Map<string, number | undefined>): WorkspaceUsage {
  for (const { path, key, bytes } of writes) {
    usage = checkWrite(path, bytes.byteLength, usage, sizes.get(key))
    sizes.set(key, bytes.byteLength)
  }
  return usage
}

/**
 * The stored size of each path written (undefined for a new file). Most writes of a burst create files (a run's
 * outputs): one request lists which of the paths exist, and only those are read.
 */
async function previousSizes(transaction: WorkspaceTransaction, writes: PendingWrite[]): Promise<Map<string, number | undefined>> {
  const sizes = new Map<string, number | undefined>(writes.map(({ key }) => [key, undefined]))
  // Sorted as IndexedDB orders strings (by UTF-16 code unit), so the first and the last bound them all.
  const keys = [...sizes.keys()].sort()
  if (keys.length === 0) return sizes
  const entries = transaction.objectStore(ENTRIES)
  const stored = new Set(await entries.getAllKeys(IDBKeyRange.bound(keys[0], keys[keys.length - 1])))
  const existing = keys.filter((key) => stored.has(key))
  const found = await Promise.all(existing.map((key) => entries.get(key)))
  existing.forEach((key, index) => sizes.set(key, found[index]?.size))
  return sizes
}

/*
 * The puts below make no promise each (a burst of writes makes thousands): a request that fails aborts its
 * transaction, whose `done` then rejects with the error.
 */

function putFile(transaction: WorkspaceTransaction, { key, bytes }: PendingWrite, modified: number): void {
  unwrap(transaction.objectStore(ENTRIES)).put({ path: key, size: bytes.byteLength, modified })
  unwrap(transaction.objectStore(CONTENTS)).put(ownBuffer(bytes), key)
}

/** Every key below the normalised folder `dir`, which is not the root. */
function folderRange(dir: string): IDBKeyRange {
  const { lower, upper } = folderBounds(dir)
  return IDBKeyRange.bound(lower, upper, false, true)
}

type WorkspaceTransaction = IDBPTransaction<WorkspaceDb, Array<typeof ENTRIES | typeof CONTENTS | typeof META>, 'readwrite'>

/** The recorded usage; counted from the entries once when a record is missing (databases of older versions). */
async function usageOf(transaction: WorkspaceTransaction): Promise<WorkspaceUsage> {
  const meta = transaction.objectStore(META)
  const [files, bytes] = await Promise.all([meta.get(FILE_COUNT), meta.get(TOTAL_SIZE)])
  if (files !== undefined && bytes !== undefined) return { files, bytes }
  const entries = await transaction.objectStore(ENTRIES).getAll()
  return { files: entries.length, bytes: entries.reduce((total, entry) => total + entry.size, 0) }
}

function putUsage(transaction: WorkspaceTransaction, usage: WorkspaceUsage): void {
  const meta = unwrap(transaction.objectStore(META))
  meta.put(usage.files, FILE_COUNT)
  meta.put(usage.bytes, TOTAL_SIZE)
}

/** IndexedDB clones a view's whole buffer, so a view into a larger buffer is stored as a copy of just its bytes. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
}

function storageFailure(error: unknown, writes: PendingWrite[]): unknown {
  if (!(error instanceof DOMException && error.name === 'QuotaExceededError')) return error
  const paths = writes.map(({ path }) => `'${path}'`).join(', ')
  return new WorkspaceError('ENOSPC', `Browser storage is full: could not write ${paths}`)
}
