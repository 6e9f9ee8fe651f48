import { errorMessage } from '../core/errorMessage'
import { checkIntegrity } from '../core/integrity'
import type { ParsedManifest, WheelRef } from '../core/manifest/types'
import { addWheelPlugins, type WheelReading } from '../core/manifest/wheelPlugins'
import { readWheelDistInfo } from '../core/python/readWheel'
import { readAtMost, TooLargeError } from '../core/readAtMost'
import { fetchExplained } from '../runtime/fetchDiagnosis'
import { MiB, formatLimit } from '../core/format'

/** Pure-Python plugin wheels are small; a far larger download is a wrong URL or an attack on the page. */
const MAX_WHEEL_BYTES = 64 * MiB
const WHEEL_TIME_LIMIT_MS = 30_000

/** A wheel's bytes, and the MIME type it was served with ('' when none); fails with the reason it could not be had. */
export type WheelDownload = (url: string, timeLimitMs: number) => Promise<{ bytes: Uint8Array<ArrayBuffer>; contentType: string }>

/**
 * Lists the plugins inside a manifest's wheels from their zip directories, without starting Python:
 * each wheel is fetched, checked against its `integrity` before anything is unpacked, and its
 * `*.dist-info` read. A wheel that fails is a problem of the manifest; the others are still listed.
 */
export async function fetchWheelPlugins(
  manifest: ParsedManifest,
  timeLimitMs = WHEEL_TIME_LIMIT_MS,
  download: WheelDownload = fetchWheelBytes,
): Promise<ParsedManifest> {
  if (manifest.wheels.length === 0) return manifest
  const readings = await Promise.all(manifest.wheels.map((wheel) => readWheel(wheel, timeLimitMs, download)))
  return addWheelPlugins(manifest, readings)
}

async function readWheel(wheel: WheelRef, timeLimitMs: number, download: WheelDownload): Promise<WheelReading> {
  let bytes: Uint8Array<ArrayBuffer>
  let contentType: string
  try {
    ;({ bytes, contentType } = await download(wheel.url, timeLimitMs))
  } catch (error) {
    return { ok: false, reason: errorMessage(error) }
  }
  if (wheel.integrity) {
    const { matches, actual } = await checkIntegrity(bytes, wheel.integrity)
    if (!matches) return { ok: false, reason: `integrity check failed: expected ${wheel.integrity}, got ${actual}` }
  }
  try {
    return { ok: true, distInfo: readWheelDistInfo(bytes) }
  } catch (error) {
    // Single-page hosts answer unknown paths with their index page, so HTML usually means a wrong path.
    if (/^text\/html\b/i.test(contentType)) return { ok: false, reason: 'not a wheel: the server answered with an HTML page (is the path right?)' }
    return { ok: false, reason: errorMessage(error) }
  }
}

/** A wheel over http(s), within `timeLimitMs` and the size limit. */
export const fetchWheelBytes: WheelDownload = async (url, timeLimitMs) => {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeLimit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeLimitMs / 1000} s`)), timeLimitMs)
  })
  try {
    const outcome = await Promise.race([fetchExplained(url, { credentials: 'omit' }), timeLimit])
    if (!outcome.ok) throw new Error(outcome.reason)
    const { body, headers } = outcome.response
    const bytes = body ? ((await Promise.race([readAtMost(body, MAX_WHEEL_BYTES), timeLimit])) as Uint8Array<ArrayBuffer>) : new Uint8Array()
    return { bytes, contentType: headers.get('content-type') ?? '' }
  } catch (error) {
    if (error instanceof TooLargeError) throw new Error(`the wheel is larger than ${formatLimit(MAX_WHEEL_BYTES)}`)
    throw error
  } finally {
    clearTimeout(timer)
  }
}
