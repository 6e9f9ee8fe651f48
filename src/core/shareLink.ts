import { compressJson, decompressJson } from './compressedJson'
import { MiB, formatCount } from './format'
import { errorMessage } from './errorMessage'

/** What a share link reopens (spec §5): the registries, and on the Execute panel a prepared run. */
export interface SharedRun {
  plugin: string
  command: string
  arguments: string
  /** The run's time limit; links made before it was shared have none, and the form keeps its own. */
  timeLimitSeconds?: number
}

export const SHARE_HASH_KEY = 'run'
/** The hash key of a registry shared by the registry builder (`registryBuilder.ts`). */
export const SHARED_MANIFEST_HASH_KEY = 'manifest'
/** Compressed, base64url characters a link may carry: well within what browsers and chat apps keep. */
export const MAX_SHARED_RUN_CHARS = 32_000
/** A link never expands past this, however it was crafted. */
export const MAX_SHARED_RUN_BYTES = MiB

/** Encodes a run for the URL hash; too large a run is refused with a message saying by how much. */
export async function encodeSharedRun(run: SharedRun): Promise<{ ok: true; hash: string } | { ok: false; error: string }> {
  const fields = [run.plugin, run.command, run.arguments, ...(run.timeLimitSeconds === undefined ? [] : [run.timeLimitSeconds])]
  const encoded = await compressJson(fields)
  if (encoded.length > MAX_SHARED_RUN_CHARS) {
    return {
      ok: false,
      error: `These arguments are too large to share in a link: ${formatCount(encoded.length)} characters compressed, the limit is ${formatCount(MAX_SHARED_RUN_CHARS)}. Put the data in a workspace file instead.`,
    }
  }
  return { ok: true, hash: `${SHARE_HASH_KEY}=${encoded}` }
}

/** Decodes the hash of a share link; undefined when the hash holds no run. */
export async function decodeSharedRun(hash: string): Promise<{ ok: true; run: SharedRun } | { ok: false; error: string } | undefined> {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const encoded = params.get(SHARE_HASH_KEY)
  if (encoded === null) return undefined
  try {
    const value = await decompressJson(encoded, MAX_SHARED_RUN_BYTES, 'the shared run')
    if (!isSharedRunFields(value)) throw new Error('unexpected content')
    const [plugin, command, args, timeLimitSeconds] = value
    return { ok: true, run: { plugin, command, arguments: args, ...(timeLimitSeconds === undefined ? {} : { timeLimitSeconds }) } }
  } catch (error) {
    return { ok: false, error: `This share link is damaged and was ignored (${errorMessage(error)})` }
  }
}

/** `[plugin, command, arguments]`, with the time limit in seconds as a fourth field in newer links. */
function isSharedRunFields(value: unknown): value is [string, string, string, number?] {
  if (!Array.isArray(value) || (value.length !== 3 && value.length !== 4)) return false
  const [plugin, command, args, seconds] = value as unknown[]
  const texts = [plugin, command, args].every((part) => typeof part === 'string')
  return texts && (seconds === undefined || (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0))
}

/** The link that reopens the page with these registries (omitted when only the bundled one is used) and run. */
export function buildShareUrl(pageUrl: string, registryUrls: readonly string[], defaultRegistryUrl: string, hash: string): string {
  const url = new URL(pageUrl)
  url.search = ''
  url.hash = hash
  const usesDefault = registryUrls.length === 1 && registryUrls[0] === defaultRegistryUrl
  if (!usesDefault) for (const registry of registryUrls) url.searchParams.append('registry', registry)
  return url.href
}
