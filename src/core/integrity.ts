/** An SRI string with one hash (`sha384-<base64>`), as manifests give for modules and wheels. */
export const SRI = /^(sha256|sha384|sha512)-[A-Za-z0-9+/]+={0,2}$/

const DIGESTS = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' } as const

function base64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** The SRI string of `bytes` with the algorithm of `integrity`, and whether it matches `integrity`. */
export async function checkIntegrity(bytes: Uint8Array<ArrayBuffer>, integrity: string): Promise<{ matches: boolean; actual: string }> {
  const algorithm = integrity.slice(0, integrity.indexOf('-')) as keyof typeof DIGESTS
  const digest = new Uint8Array(await crypto.subtle.digest(DIGESTS[algorithm], bytes))
  const actual = `${algorithm}-${base64(digest)}`
  return { matches: actual === integrity, actual }
}
