// Long enough for the browser to start the download before the object URL goes away.
const DOWNLOAD_URL_LIFETIME_MS = 60_000

const encoder = new TextEncoder()

/** Saves a file to the user's device under its own name, from its text or bytes. */
export function useDownload() {
  function download(path: string, content: string | Uint8Array): void {
    // slice(): a Blob takes no shared memory, and the copy is certainly not that.
    const bytes = typeof content === 'string' ? encoder.encode(content) : content.slice()
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }))
    const link = document.createElement('a')
    link.href = url
    link.download = path.slice(path.lastIndexOf('/') + 1)
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS)
  }
  return { download }
}
