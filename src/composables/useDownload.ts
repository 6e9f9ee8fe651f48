import { saveToDevice } from '../api/workspace/localFiles'

const encoder = new TextEncoder()

/** Saves a file to the user's device under its own name, from its text or bytes. */
export function useDownload() {
  function download(path: string, content: string | Uint8Array): void {
    saveToDevice(path, typeof content === 'string' ? encoder.encode(content) : content)
  }
  return { download }
}
