import { WorkspaceError } from './types'

const encoder = new TextEncoder()
// ignoreBOM keeps a leading U+FEFF, as Python's encoding='utf-8' does.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true })

/** UTF-8 bytes of `text`; plugins are untyped JavaScript, so anything but a string is refused. */
export function encodeText(text: unknown): Uint8Array {
  if (typeof text !== 'string') throw new WorkspaceError('EINVAL', `writeText expects a string, got ${typeName(text)}`)
  return encoder.encode(text)
}

export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes)
}

export function requireBytes(bytes: unknown): Uint8Array {
  if (!(bytes instanceof Uint8Array)) throw new WorkspaceError('EINVAL', `writeBytes expects a Uint8Array, got ${typeName(bytes)}`)
  return bytes
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'object') return value.constructor?.name ?? 'object'
  return typeof value
}
