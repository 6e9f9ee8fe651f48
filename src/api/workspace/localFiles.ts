import { checkFileSize } from '../../core/workspace/limits'
import type { WorkspaceFile } from '../../core/workspace/types'

/** A file the user picked or dropped, named by its file name; one over the size limit is refused unread. */
export async function readLocalFile(file: File): Promise<WorkspaceFile> {
  checkFileSize(file.name, file.size)
  return { path: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
}
