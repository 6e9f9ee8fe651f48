import { comparePaths, folderPrefix } from './paths'
import type { WorkspaceEntry } from './types'

/** A folder of the Files list: its files below it at any depth, counted and summed. */
export interface FolderRow {
  kind: 'folder'
  /** Normalised, without a trailing slash: `doe/runs`. */
  path: string
  name: string
  depth: number
  files: number
  size: number
  expanded: boolean
}

export interface FileRow {
  kind: 'file'
  path: string
  name: string
  /** Where the file sits, as its path starts: `doe/runs/`, or `''` at the root. */
  folder: string
  depth: number
  size: number
  modified: number
}

export type TreeRow = FolderRow | FileRow

interface Folder {
  path: string
  folders: Map<string, Folder>
  files: WorkspaceEntry[]
  count: number
  size: number
  /** Files below it that the filter lets through. */
  matches: number
}

/**
 * The rows of the Files list (`entries` sorted by path): at each level its folders, then its files, both by name. A folder's content
 * shows only when it is in `expanded`. With a `filter` (case-insensitive, anywhere in the path), only the
 * matching files show, and every folder holding one is open; counts and sizes stay those of whole folders.
 */
export function treeRows(entries: readonly WorkspaceEntry[], expanded: ReadonlySet<string>, filter = ''): TreeRow[] {
  const needle = filter.trim().toLowerCase()
  const matches = (entry: WorkspaceEntry) => needle === '' || entry.path.toLowerCase().includes(needle)
  const root = folderTree(entries, matches)
  const rows: TreeRow[] = []
  const visit = (folder: Folder, depth: number) => {
    for (const name of [...folder.folders.keys()].sort(comparePaths)) {
      const child = folder.folders.get(name) as Folder
      if (child.matches === 0) continue
      const open = needle !== '' || expanded.has(child.path)
      rows.push({ kind: 'folder', path: child.path, name, depth, files: child.count, size: child.size, expanded: open })
      if (open) visit(child, depth + 1)
    }
    for (const entry of folder.files) {
      if (!matches(entry)) continue
      const folderPath = folderPrefix(folder.path)
      rows.push({
        kind: 'file',
        path: entry.path,
        name: entry.path.slice(folderPath.length),
        folder: folderPath,
        depth,
        size: entry.size,
        modified: entry.modified,
      })
    }
  }
  visit(root, 0)
  return rows
}

function folderTree(entries: readonly WorkspaceEntry[], matches: (entry: WorkspaceEntry) => boolean): Folder {
  const root = emptyFolder('')
  for (const entry of entries) {
    const parts = entry.path.split('/')
    const matched = matches(entry) ? 1 : 0
    let folder = root
    for (const name of parts.slice(0, -1)) {
      folder.count += 1
      folder.size += entry.size
      folder.matches += matched
      let child = folder.folders.get(name)
      if (!child) folder.folders.set(name, (child = emptyFolder(folderPrefix(folder.path) + name)))
      folder = child
    }
    folder.count += 1
    folder.size += entry.size
    folder.matches += matched
    folder.files.push(entry)
  }
  return root
}

function emptyFolder(path: string): Folder {
  return { path, folders: new Map(), files: [], count: 0, size: 0, matches: 0 }
}
