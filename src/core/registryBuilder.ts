import { formatCount } from './format'
import { compressJson, decompressJson } from './compressedJson'
import { childPath } from './manifest/jsonPath'
import { parseManifest } from './manifest/parseManifest'
import { PLUGIN_GROUP, type ParsedManifest } from './manifest/types'
import { MAX_SHARED_RUN_BYTES, MAX_SHARED_RUN_CHARS, SHARED_MANIFEST_HASH_KEY } from './shareLink'

/** A registry manifest made on the Plugins tab from module and wheel URLs. */
export interface RegistryDraft {
  name: string
  plugins: Array<{ name: string; module: string; exportName: string; integrity: string }>
  wheels: Array<{ url: string; integrity: string }>
}

export interface ManifestIssue {
  /** JSON path in the manifest, '' for the whole document. */
  path: string
  message: string
}

const PLUGINS_PATH = childPath('entry-points', PLUGIN_GROUP)

export function emptyDraft(): RegistryDraft {
  return { name: '', plugins: [], wheels: [] }
}

/** The manifest of a draft, as it is downloaded and shared; empty optional fields are left out. */
export function manifestOfDraft(draft: RegistryDraft, schemaUrl: string): Record<string, unknown> {
  const plugins: Record<string, unknown> = {}
  for (const plugin of draft.plugins) {
    const exportName = plugin.exportName.trim()
    const integrity = plugin.integrity.trim()
    plugins[plugin.name.trim()] =
      exportName === '' && integrity === ''
        ? plugin.module.trim()
        : { module: plugin.module.trim(), ...(exportName ? { export: exportName } : {}), ...(integrity ? { integrity } : {}) }
  }
  const wheels = draft.wheels.map(({ url, integrity }) => (integrity.trim() ? { url: url.trim(), integrity: integrity.trim() } : url.trim()))
  return {
    $schema: schemaUrl,
    ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
    ...(draft.plugins.length || !wheels.length ? { 'entry-points': { [PLUGIN_GROUP]: plugins } } : {}),
    ...(wheels.length ? { wheels } : {}),
  }
}

export function manifestText(manifest: Record<string, unknown>): string {
  return `${JSON.stringify(manifest, null, 2)}\n`
}

/**
 * What the app's own parser finds wrong, plus what only a builder can check: a plugin named twice (a JSON
 * object keeps the last), and relative URLs (a shared manifest has no address to resolve them against).
 */
export function builderIssues(draft: RegistryDraft, manifest: Record<string, unknown>, manifestUrl: string): ManifestIssue[] {
  const issues: ManifestIssue[] = []
  const seen = new Set<string>()
  draft.plugins.forEach((plugin, index) => {
    const name = plugin.name.trim()
    if (seen.has(name)) issues.push({ path: childPath(PLUGINS_PATH, name), message: `plugin ${index + 1} repeats the name "${name}"` })
    seen.add(name)
    if (isRelativeUrl(plugin.module.trim())) issues.push({ path: modulePath(manifest, name), message: RELATIVE_URL })
  })
  draft.wheels.forEach((wheel, index) => {
    if (isRelativeUrl(wheel.url.trim())) issues.push({ path: `wheels[${index}]`, message: RELATIVE_URL })
  })
  const parsed = parseManifest(JSON.stringify(manifest), manifestUrl)
  return [...issues, ...parsed.problems.map(({ path, message }) => ({ path, message }))]
}

function modulePath(manifest: Record<string, unknown>, name: string): string {
  const plugins = (manifest['entry-points'] as Record<string, Record<string, unknown>>)[PLUGIN_GROUP]
  return typeof plugins[name] === 'string' ? childPath(PLUGINS_PATH, name) : childPath(childPath(PLUGINS_PATH, name), 'module')
}

const RELATIVE_URL = 'must be an absolute URL (https://…)'

function isRelativeUrl(text: string): boolean {
  try {
    new URL(text)
    return false
  } catch {
    return true
  }
}

/** The URL a manifest opened from a link is known by: the page's own, so its problems and shadowings name it. */
export function sharedRegistryUrl(pageUrl: string): string {
  const url = new URL(pageUrl)
  return `${url.origin}${url.pathname}#shared-registry`
}

/** The hash that carries `manifest`; too large a manifest is refused with a message saying by how much. */
export async function encodeSharedManifest(manifest: Record<string, unknown>): Promise<{ ok: true; hash: string } | { ok: false; error: string }> {
  const encoded = await compressJson(manifest)
  if (encoded.length > MAX_SHARED_RUN_CHARS) {
    return {
      ok: false,
      error: `This registry is too large to share in a link: ${formatCount(encoded.length)} characters compressed, the limit is ${formatCount(MAX_SHARED_RUN_CHARS)}. Download it and host it instead.`,
    }
  }
  return { ok: true, hash: `${SHARED_MANIFEST_HASH_KEY}=${encoded}` }
}

/** The manifest a link's hash carries, read like any fetched manifest; undefined when the hash holds none. */
export async function decodeSharedManifest(
  hash: string,
  pageUrl: string,
): Promise<{ ok: true; manifest: ParsedManifest } | { ok: false; error: string } | undefined> {
  const encoded = new URLSearchParams(hash.replace(/^#/, '')).get(SHARED_MANIFEST_HASH_KEY)
  if (encoded === null) return undefined
  try {
    const value = await decompressJson(encoded, MAX_SHARED_RUN_BYTES, 'the shared registry')
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('unexpected content')
    return { ok: true, manifest: parseManifest(JSON.stringify(value), sharedRegistryUrl(pageUrl)) }
  } catch (error) {
    return { ok: false, error: `This registry link is damaged and was ignored (${(error as Error).message})` }
  }
}
