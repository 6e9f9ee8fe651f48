import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { fetchManifest } from '../api/fetchManifest'
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

/** Reads and parses one manifest; like the page, every failure is a problem of that manifest, never a throw. */
export async function loadRegistry(url: string): Promise<ParsedManifest> {
  if (!url.startsWith('file:')) return fetchManifest(url)
  try {
    return parseManifest(await readFile(new URL(url), 'utf8'), url)
  } catch (error) {
    return unreachableManifest(url, `could not be read (${errorMessage(error)})`)
  }
}
