import { errorMessage } from '../core/errorMessage'
import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import { BrowserWorkspace } from '../api/workspace/browserWorkspace'
import { fetchSamples } from '../api/workspace/fetchSamples'
import { readLocalFile } from '../api/workspace/localFiles'
import { LatestRequest } from '../core/latestRequest'
import type { WorkspaceEntry } from '../core/workspace/types'

/**
 * While a run writes thousands of files, change notices come every few dozen milliseconds; the listing reads
 * every entry and redraws the file table, so it follows at most this often (the last change always shows).
 */
const REFRESH_INTERVAL_MS = 500

export interface ReadOptions {
  /** Resolve to null on failure without touching `errors`: for reads the user did not ask for, like a refresh. */
  quiet?: boolean
}

/**
 * The workspace files (spec §4): `fs` is what plugins get as `ctx.fs`, `files` what the Files panel lists.
 * Components read through `read`, `readText` and `list`, which report failures here, rather than through `fs`.
 */
export const useWorkspaceStore = defineStore('workspace', () => {
  const fs = markRaw(new BrowserWorkspace(fetchSamples))
  /** Every file with its size and modification time, sorted by path; replaced whole, never changed in place. */
  const files = shallowRef<WorkspaceEntry[]>([])
  /** False until the first listing arrived. */
  const loaded = ref(false)
  /** Why the last action (or a part of it) failed, one message each; empty when it succeeded. */
  const errors = ref<string[]>([])
  const refreshes = new LatestRequest()

  async function refresh(): Promise<void> {
    const isLatest = refreshes.begin()
    try {
      const entries = await fs.entries()
      // Changes can arrive in bursts: only the newest listing is shown.
      if (!isLatest()) return
      files.value = entries
      loaded.value = true
    } catch (error) {
      errors.value = [errorMessage(error)]
    }
  }

  /** Runs `action`, putting what went wrong in `errors`; resolves to its value, or null when it failed. */
  async function attempt<T>(action: () => Promise<T>): Promise<T | null> {
    errors.value = []
    try {
      return await action()
    } catch (error) {
      errors.value = [errorMessage(error)]
      return null
    }
  }

  /** Stores each picked or dropped file under its name; a file that fails leaves the workspace as it was. */
  async function upload(picked: File[]): Promise<void> {
    errors.value = []
    for (const file of picked) {
      try {
        await fs.writeFiles([await readLocalFile(file)])
      } catch (error) {
        errors.value.push(errorMessage(error))
      }
    }
  }

  async function remove(path: string): Promise<void> {
    await attempt(() => fs.remove(path))
  }

  /** Removes every file below the folder `path`; resolves to how many, or null when it failed (see `errors`). */
  function removeFolder(path: string): Promise<number | null> {
    return attempt(() => fs.removeFolder(path))
  }

  /** Stores `text` as the file `path`; false when it was refused (the reason is in `errors`). */
  async function writeText(path: string, text: string): Promise<boolean> {
    return (await attempt(async () => (await fs.writeText(path, text), true))) ?? false
  }

  /** Writes the samples again; resolves to their paths, or null when it failed (see `errors`). */
  function restoreSamples(): Promise<string[] | null> {
    return attempt(() => fs.restoreSamples())
  }

  /** Runs a read as {@link attempt} does, or with `quiet` only resolves to null when it fails. */
  async function attemptRead<T>(action: () => Promise<T>, { quiet = false }: ReadOptions): Promise<T | null> {
    if (!quiet) return attempt(action)
    try {
      return await action()
    } catch {
      return null
    }
  }

  /** The bytes of `path`, or null when it cannot be read (the reason is in `errors` unless `quiet`). */
  function read(path: string, options: ReadOptions = {}): Promise<Uint8Array | null> {
    return attemptRead(() => fs.readBytes(path), options)
  }

  /** The text of `path` (UTF-8), or null when it cannot be read (the reason is in `errors` unless `quiet`). */
  function readText(path: string, options: ReadOptions = {}): Promise<string | null> {
    return attemptRead(() => fs.readText(path), options)
  }

  /** Paths of the files below `dir`, relative to it and sorted, or null when it cannot be listed (as {@link read}). */
  function list(dir = '', options: ReadOptions = {}): Promise<string[] | null> {
    return attemptRead(() => fs.list(dir), options)
  }

  let refreshPause: ReturnType<typeof setTimeout> | undefined
  let changedInPause = false
  function refreshOnChange(): void {
    if (refreshPause) {
      changedInPause = true
      return
    }
    void refresh()
    refreshPause = setTimeout(() => {
      refreshPause = undefined
      if (changedInPause) {
        changedInPause = false
        refreshOnChange()
      }
    }, REFRESH_INTERVAL_MS)
  }

  // While no view shows the listing, a change only marks it out of date: a run in the Execute panel can write
  // thousands of files, and a hidden Files panel would read and redraw the listing for each burst.
  let followers = 0
  let outOfDate = false

  /** Keeps `files` following the workspace's changes until the returned function is called. */
  function follow(): () => void {
    followers += 1
    if (outOfDate) {
      outOfDate = false
      refreshOnChange()
    }
    let following = true
    return () => {
      if (following) followers -= 1
      following = false
    }
  }

  fs.onChange(() => {
    if (followers > 0) refreshOnChange()
    else outOfDate = true
  })
  void attempt(() => fs.seedSamples()).then(refresh)

  return { fs, files, loaded, errors, refresh, follow, upload, remove, removeFolder, writeText, restoreSamples, read, readText, list }
})
