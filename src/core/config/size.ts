const encoder = new TextEncoder()

/** Size of `text` as a UTF-8 file, the way the Python side stores it. */
export function utf8Size(text: string): number {
  return encoder.encode(text).length
}
