import { strToU8, zipSync } from 'fflate'

export interface TestWheel {
  distribution?: string
  version?: string
  /** entry_points.txt, or undefined for a wheel without one. */
  entryPoints?: string
  metadata?: string
  /** More files, by path inside the wheel. */
  files?: Record<string, string>
}

/** A wheel (a zip) with a `*.dist-info` folder, built in memory for tests. */
export function buildTestWheel({ distribution = 'demo', version = '1.0', entryPoints, metadata, files = {} }: TestWheel): Uint8Array<ArrayBuffer> {
  const distInfo = `${distribution}-${version}.dist-info`
  const contents: Record<string, Uint8Array> = {
    [`${distribution}/__init__.py`]: strToU8(''),
    [`${distInfo}/METADATA`]: strToU8(metadata ?? `Metadata-Version: 2.1\nName: ${distribution}\nVersion: ${version}\nSummary: The ${distribution} plugins\n`),
    [`${distInfo}/WHEEL`]: strToU8('Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n'),
  }
  if (entryPoints !== undefined) contents[`${distInfo}/entry_points.txt`] = strToU8(entryPoints)
  for (const [path, text] of Object.entries(files)) contents[path] = strToU8(text)
  return zipSync(contents) as Uint8Array<ArrayBuffer>
}

/** The SRI string of `bytes`. */
export async function sri(bytes: Uint8Array<ArrayBuffer>, algorithm: 'sha256' | 'sha384' | 'sha512' = 'sha384'): Promise<string> {
  const digest = await crypto.subtle.digest(`SHA-${algorithm.slice(3)}`, bytes)
  return `${algorithm}-${Buffer.from(digest).toString('base64')}`
}
