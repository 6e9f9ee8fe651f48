import { checkPathLength } from './limits'
import { WorkspaceError } from './types'

/**
 * Normalises a workspace path to its canonical POSIX form relative to the root
 * (`a/./b//c` → `a/b/c`). Paths that climb above the root, or are too long, are refused.
 */
export function normalizePath(path: string): string {
  if (typeof path !== 'string') throw new WorkspaceError('EINVAL', `Invalid path: ${String(path)}`)
  checkPathLength(path)
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length === 0) throw new WorkspaceError('EACCES', `Path escapes the workspace: '${path}'`)
      parts.pop()
      continue
    }
    if (part.includes('\0')) throw new WorkspaceError('EINVAL', `Invalid path: '${path}'`)
    parts.push(part)
  }
  return parts.join('/')
}

/** Like {@link normalizePath} but the result must name a file, not the root. */
export function normalizeFilePath(path: string): string {
  const normal = normalizePath(path)
  if (normal === '') throw new WorkspaceError('EISDIR', `Not a file path: '${path}'`)
  return normal
}

export function notFound(path: string): WorkspaceError {
  return new WorkspaceError('ENOENT', `No such file or directory: '${path}'`)
}

/** Orders paths by UTF-16 code unit: the same on every machine, whatever its locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** What the path of every file below the normalised folder `dir` starts with: `dir/`, or nothing for the root. */
export function folderPrefix(dir: string): string {
  return dir === '' ? '' : `${dir}/`
}

/**
 * The paths below the normalised folder `dir` (not the root) are exactly those from `lower` up to, but not
 * including, `upper` in code-unit order (IndexedDB's order of keys): `upper` is `dir` followed by '0',
 * the code unit right after '/'.
 */
export function folderBounds(dir: string): { lower: string; upper: string } {
  return { lower: folderPrefix(dir), upper: `${dir}0` }
}

/** Files of `all` below `dir`, relative to it, sorted by {@link comparePaths}. */
export function filesBelow(all: Iterable<string>, dir = ''): string[] {
  const prefix = folderPrefix(normalizePath(dir))
  const found: string[] = []
  for (const path of all) if (path.startsWith(prefix)) found.push(path.slice(prefix.length))
  return found.sort(comparePaths)
}
