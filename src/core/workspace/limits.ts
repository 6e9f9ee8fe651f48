import { WorkspaceError } from './types'

const KiB = 1024
const MiB = 1024 * KiB
const GiB = 1024 * MiB

/** The largest file the workspace accepts. */
export const MAX_FILE_SIZE = 10 * MiB
/** The most bytes all workspace files together may use. */
export const MAX_WORKSPACE_SIZE = 50 * MiB

const UNITS: Array<[size: number, name: string]> = [
  [GiB, 'GiB'],
  [MiB, 'MiB'],
  [KiB, 'KiB'],
]

/**
 * A byte count for people: `512 B`, `1.5 KiB`, `12.0 MiB`. Rounded up, so a size over a limit never reads
 * as equal to it.
 */
export function formatSize(bytes: number, fractionDigits = 1): string {
  const unit = UNITS.find(([size]) => bytes >= size)
  if (!unit) return `${bytes} B`
  const [size, name] = unit
  const scale = 10 ** fractionDigits
  return `${(Math.ceil((bytes * scale) / size) / scale).toFixed(fractionDigits)} ${name}`
}

function formatLimit(bytes: number): string {
  return formatSize(bytes, 0)
}

/** Refuses a file over {@link MAX_FILE_SIZE} (`EFBIG`). */
export function checkFileSize(path: string, size: number): void {
  if (size > MAX_FILE_SIZE) {
    throw new WorkspaceError(
      'EFBIG',
      `File too large: '${path}' is ${formatSize(size)}; the limit is ${formatLimit(MAX_FILE_SIZE)} per file`,
    )
  }
}

/**
 * Refuses writing `size` bytes to `path` when the file or the whole workspace would break its limit.
 * `otherFilesSize` is what every file except `path` already uses.
 */
export function checkWrite(path: string, size: number, otherFilesSize: number): void {
  checkFileSize(path, size)
  const total = otherFilesSize + size
  if (total > MAX_WORKSPACE_SIZE) {
    throw new WorkspaceError(
      'ENOSPC',
      `Workspace full: writing '${path}' would use ${formatSize(total)} of ${formatLimit(MAX_WORKSPACE_SIZE)}`,
    )
  }
}
