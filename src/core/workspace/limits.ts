import { MiB, formatCount, formatLimit, formatSize } from '../format'
import { WorkspaceError } from './types'

/** The largest file the workspace accepts. */
export const MAX_FILE_SIZE = 10 * MiB
/** The most bytes all workspace files together may use. */
export const MAX_WORKSPACE_SIZE = 50 * MiB
/** The most files the workspace may hold: beyond that the Files panel and every listing slow down. */
export const MAX_FILES = 20_000
/** The longest path, in UTF-16 code units (JavaScript's `length`), a workspace operation accepts. */
export const MAX_PATH_LENGTH = 1024

/** How many characters of a path that is too long its refusal quotes. */
const QUOTED_PATH_LENGTH = 40

/** What files use: how many there are and their bytes together. */
export interface WorkspaceUsage {
  files: number
  bytes: number
}

/** Refuses a path over {@link MAX_PATH_LENGTH} (`ENAMETOOLONG`), quoting only its start. */
export function checkPathLength(path: string): void {
  if (path.length > MAX_PATH_LENGTH) {
    throw new WorkspaceError(
      'ENAMETOOLONG',
      `Path too long: '${path.slice(0, QUOTED_PATH_LENGTH)}…' has ${formatCount(path.length)} characters; the limit is ${formatCount(MAX_PATH_LENGTH)}`,
    )
  }
}

/** Refuses a file over {@link MAX_FILE_SIZE} (`EFBIG`). */
export function checkFileSize(path: string, size: number): void {
  if (size > MAX_FILE_SIZE) {
    throw new WorkspaceError('EFBIG', `File too large: '${path}' is ${formatSize(size)}; the limit is ${formatLimit(MAX_FILE_SIZE)} per file`)
  }
}

/**
 * Refuses writing `size` bytes to `path` when the file or the whole workspace would break a limit; returns
 * the usage after the write. `usage` is what the workspace uses now, `previousSize` the size of the file
 * the write replaces (undefined when `path` is a new file).
 */
export function checkWrite(path: string, size: number, usage: WorkspaceUsage, previousSize?: number): WorkspaceUsage {
  checkFileSize(path, size)
  const after = {
    files: usage.files + (previousSize === undefined ? 1 : 0),
    bytes: usage.bytes - (previousSize ?? 0) + size,
  }
  if (after.bytes > MAX_WORKSPACE_SIZE) {
    throw new WorkspaceError('ENOSPC', `Workspace full: writing '${path}' would use ${formatSize(after.bytes)} of ${formatLimit(MAX_WORKSPACE_SIZE)}`)
  }
  if (after.files > MAX_FILES) {
    throw new WorkspaceError('ENOSPC', `Too many files: writing '${path}' would make ${formatCount(after.files)} files; the limit is ${formatCount(MAX_FILES)}`)
  }
  return after
}
