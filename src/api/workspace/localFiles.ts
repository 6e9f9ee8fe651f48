import { checkFileSize } from '../../core/workspace/limits'
import type { WorkspaceFile } from '../../core/workspace/types'

/** A file the user picked or dropped, named by its file name; one over the size limit is refused unread. */
export async function readLocalFile(file: File): Promise<WorkspaceFile> {
  checkFileSize(file.name, file.size)
  return { path: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
}

// Long enough for the browser to start the download before the object URL goes away.
const DOWNLOAD_URL_LIFETIME_MS = 60_000

/** Downloads `bytes` to the user's device under the file's own name. */
export function saveToDevice(path: string, bytes: Uint8Array): void {
  // slice(): a Blob takes no shared memory, and the copy is certainly not that.
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: 'application/octet-stream' }))
  const link = document.createElement('a')
  link.href = url
  link.download = path.slice(path.lastIndexOf('/') + 1)
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS)
}
