import { formatLimit } from './format'
import { readAtMost, TooLargeError } from './readAtMost'

// JSON carried in a URL hash: deflate-raw (the browsers' own CompressionStream) and base64url.

async function pipeThrough(bytes: Uint8Array, transform: CompressionStream | DecompressionStream, limit: number, what: string): Promise<Uint8Array> {
  try {
    return await readAtMost(new Blob([bytes as BlobPart]).stream().pipeThrough(transform), limit)
  } catch (error) {
    if (error instanceof TooLargeError) throw new Error(`${what} is larger than ${formatLimit(limit)}`)
    throw error
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'))
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

/** `value` as JSON, compressed, in base64url. */
export async function compressJson(value: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(value))
  return toBase64Url(await pipeThrough(json, new CompressionStream('deflate-raw'), Infinity, 'the value'))
}

/** The value of `compressJson`'s text; decompression stops past `limitBytes`, so a small text cannot expand into gigabytes. */
export async function decompressJson(encoded: string, limitBytes: number, what: string): Promise<unknown> {
  const bytes = await pipeThrough(fromBase64Url(encoded), new DecompressionStream('deflate-raw'), limitBytes, what)
  return JSON.parse(new TextDecoder().decode(bytes)) as unknown
}
