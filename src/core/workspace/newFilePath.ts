import { folderPrefix, normalizeFilePath } from './paths'
import { WorkspaceError } from './types'

/**
 * The normalised path for a file the user creates, refused with the reason when it is blank, invalid, or
 * already taken by a file or a folder of `existing` (the workspace's file paths).
 */
export function newFilePath(path: string, existing: readonly string[]): string {
  if (path.trim() === '') throw new WorkspaceError('EINVAL', "Enter the new file's path, such as notes.txt or doe/cases.csv")
  // The workspace's own refusal would quote the character, which no one can see.
  if (path.includes('\0')) throw new WorkspaceError('EINVAL', 'A path cannot contain the NUL character (\\0)')
  const normal = normalizeFilePath(path)
  const below = folderPrefix(normal)
  for (const taken of existing) {
    if (taken === normal) throw new WorkspaceError('EEXIST', `'${normal}' already exists: use its Edit button to change it`)
    if (taken.startsWith(below)) throw new WorkspaceError('EISDIR', `'${normal}' is a folder: choose another path`)
  }
  return normal
}
