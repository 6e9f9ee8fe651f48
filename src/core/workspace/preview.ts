import { parseCsv } from '../csv'

export type FilePreview = { kind: 'csv'; rows: string[][] } | { kind: 'text'; text: string } | { kind: 'binary'; size: number }

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** How the Files panel shows a file: CSV as rows, other UTF-8 text as text, anything else as binary. */
export function previewOf(path: string, bytes: Uint8Array): FilePreview {
  const text = decodeStrictly(bytes)
  if (text === null) return { kind: 'binary', size: bytes.byteLength }
  if (path.toLowerCase().endsWith('.csv')) return { kind: 'csv', rows: parseCsv(text) }
  return { kind: 'text', text }
}

/** The text of `bytes`, or null when they are not UTF-8 or hold NUL bytes (which text files never do). */
function decodeStrictly(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null
  try {
    return strictDecoder.decode(bytes)
  } catch {
    return null
  }
}
