const encoder = new TextEncoder()

/** Size of `text` as a UTF-8 file, the way the Python side stores it. */
export function utf8Size(text: string): number {
  return encoder.encode(text).length
}

export function formatKiB(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`
}
