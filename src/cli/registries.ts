import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildWheels } from '../../scripts/build-wheels.mjs'
import { fetchManifest } from '../api/fetchManifest'
import { fetchWheelBytes, fetchWheelPlugins, type WheelDownload } from '../api/fetchWheels'
import { errorMessage } from '../core/errorMessage'
import { parseManifest } from '../core/manifest/parseManifest'
import { unreachableManifest, type ParsedManifest } from '../core/manifest/types'

/** The registry the runner uses when none is given: the one the playground bundles. */
export const BUNDLED_REGISTRY = new URL('../../public/registry.json', import.meta.url).href

/** A `--registry` value as a URL: http(s) and file URLs as they are, anything else a path from `cwd`. */
export function registryUrl(value: string, cwd: string): string {
  if (/^(https?|file):/i.test(value)) return value
  return pathToFileURL(resolve(cwd, value)).href
}

/**
 * Reads and parses one manifest and lists the plugins of its wheels; like the page, every failure is a
 * problem of that manifest, never a throw. The bundled registry's wheels are built from `python/` first, as
 * the dev server does, so a fresh clone has them.
 */
export async function loadRegistry(url: string): Promise<ParsedManifest> {
  if (!url.startsWith('file:')) return fetchManifest(url)
  if (url === BUNDLED_REGISTRY) await buildWheels()
  let manifest: ParsedManifest
  try {
    manifest = parseManifest(await readFile(new URL(url), 'utf8'), url)
  } catch (error) {
    return unreachableManifest(url, `could not be read (${errorMessage(error)})`)
  }
  return fetchWheelPlugins(manifest, undefined, readWheel)
}

/** A local manifest's wheels may be local files; the others are downloaded as the page does. */
const readWheel: WheelDownload = async (url, timeLimitMs) => {
  if (!url.startsWith('file:')) return fetchWheelBytes(url, timeLimitMs)
  return { bytes: new Uint8Array(await readFile(new URL(url))), contentType: '' }
}
