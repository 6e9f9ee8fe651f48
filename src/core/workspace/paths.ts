import { WorkspaceError } from './types'

/**
 * Normalises a workspace path to its canonical POSIX form relative to the root
 * (`a/./b//c` → `a/b/c`). Paths that climb above the root are refused.
 */
export function normalizePath(path: string): string {
  if (typeof path !== 'string') throw new WorkspaceError('EINVAL', `Invalid path: ${String(path)}`)
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

/** Files of `all` below `dir`, relative to it, sorted by code point. */
export function filesBelow(all: Iterable<string>, dir = ''): string[] {
  const base = normalizePath(dir)
  const prefix = base === '' ? '' : `${base}/`
  const found: string[] = []
  for (const path of all) if (path.startsWith(prefix)) found.push(path.slice(prefix.length))
  return found.sort(comparePaths)
}
