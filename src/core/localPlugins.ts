import { utf8Size } from './config/size'
import { formatLimit, formatSize } from './format'
import type { ModulePluginEntry, ParsedManifest } from './manifest/types'

/**
 * Plugins tried without hosting them: a module file dropped on the Plugins panel or code pasted there (a
 * dropped Python wheel is one too, see `localWheels.ts`). Each
 * runs like a registry's plugin (its own sandbox, the same limits), imported from a `data:` URL inside the
 * sandbox, so it must be a single file (no relative imports). They form one registry that comes after all
 * the others: a local plugin shadows a registry plugin of the same name, like any later registry does.
 */
export const LOCAL_REGISTRY_URL = 'local:this-browser'
export const LOCAL_REGISTRY_NAME = 'Local plugins'

/** At most this much source per local plugin: they are kept in the browser's storage. */
export const LOCAL_PLUGIN_MAX_BYTES = 256 * 1024

export interface LocalPlugin {
  /** The name `get_info()` gave when it was added: the plugin's key, as a manifest's name is. */
  name: string
  /** The file it came from, or `pasted.js` for pasted code. */
  fileName: string
  exportName: string
  source: string
}

export const PASTED_FILE_NAME = 'pasted.js'

const MODULE_FILE = /\.m?js$/i
/** A Python wheel, tried through `localWheels.ts`. */
export const WHEEL_FILE = /\.whl$/i

/** Why `source` (from `fileName`) cannot be tried as a local plugin, or undefined when it can. */
export function localSourceProblem(fileName: string, source: string): string | undefined {
  if (!MODULE_FILE.test(fileName)) return `${fileName} is not a JavaScript module (a .js or .mjs file)`
  if (source.trim() === '') return `${fileName} is empty`
  const size = utf8Size(source)
  if (size > LOCAL_PLUGIN_MAX_BYTES) {
    return `${fileName} is ${formatSize(size)}, over the ${formatLimit(LOCAL_PLUGIN_MAX_BYTES)} a local plugin may have; host it and open its registry instead`
  }
  return undefined
}

/** A `data:` URL of the module's source; `name` keeps the file name readable in load errors. */
export function localModuleUrl(fileName: string, source: string): string {
  return `data:text/javascript;name=${encodeURIComponent(fileName)},${encodeURIComponent(source)}`
}

/** The file name in a local module's URL (`data:text/javascript;name=my.js,…` → `my.js`), else undefined. */
export function localModuleFileName(moduleUrl: string): string | undefined {
  const match = /^data:text\/javascript;name=([^,;]*)[,;]/.exec(moduleUrl)
  return match ? decodeURIComponent(match[1]) : undefined
}

/** How load errors name a module: a local one by its file, so its whole source is not repeated. */
export function moduleLabel(moduleUrl: string): string {
  const fileName = localModuleFileName(moduleUrl)
  return fileName === undefined ? moduleUrl : `local module ${fileName}`
}

export function localPluginEntry(plugin: LocalPlugin): ModulePluginEntry {
  return {
    kind: 'module',
    name: plugin.name,
    moduleUrl: localModuleUrl(plugin.fileName, plugin.source),
    exportName: plugin.exportName,
    manifestUrl: LOCAL_REGISTRY_URL,
  }
}

export function isLocalEntry(entry: { manifestUrl: string }): boolean {
  return entry.manifestUrl === LOCAL_REGISTRY_URL
}

/** How the page names a registry: its URL, or `Local plugins`. */
export function registryLabel(url: string): string {
  return url === LOCAL_REGISTRY_URL ? LOCAL_REGISTRY_NAME : url
}

/** The local plugins as the last registry to merge: none when there are none. */
export function localRegistry(plugins: readonly LocalPlugin[]): ParsedManifest[] {
  return plugins.length === 0 ? [] : [localManifest(plugins)]
}

/** The registry of the local modules (local wheels are added to it by `localWheels.ts`). */
export function localManifest(plugins: readonly LocalPlugin[]): ParsedManifest {
  return { url: LOCAL_REGISTRY_URL, name: LOCAL_REGISTRY_NAME, entries: plugins.map(localPluginEntry), wheels: [], wheelPaths: [], problems: [] }
}

/** `plugins` with `added` in place of the one of the same name, or at the end. */
export function withLocalPlugin(plugins: readonly LocalPlugin[], added: LocalPlugin): LocalPlugin[] {
  const index = plugins.findIndex((plugin) => plugin.name === added.name)
  return index < 0 ? [...plugins, added] : plugins.map((plugin, at) => (at === index ? added : plugin))
}

/** The stored list; entries of the wrong shape (edited by hand, an older layout) are left out. */
export function readStoredLocalPlugins(text: string | null): LocalPlugin[] {
  if (text === null) return []
  let stored: unknown
  try {
    stored = JSON.parse(text)
  } catch {
    return []
  }
  return Array.isArray(stored) ? stored.filter(isLocalPlugin) : []
}

function isLocalPlugin(value: unknown): value is LocalPlugin {
  if (typeof value !== 'object' || value === null) return false
  const { name, fileName, exportName, source } = value as Record<string, unknown>
  return [name, fileName, exportName, source].every((field) => typeof field === 'string' && field !== '')
}
