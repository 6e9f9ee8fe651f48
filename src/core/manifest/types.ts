/** The entry-point group the playground loads (spec §1); other groups are kept and ignored. */
export const PLUGIN_GROUP = 'strataregula.plugins'

/** An ES-module plugin as a manifest declares it, with its module URL already absolute. */
export interface ModulePluginEntry {
  kind: 'module'
  name: string
  moduleUrl: string
  exportName: string
  integrity?: string
  /** Metadata shown before the plugin is loaded (object form only). */
  version?: string
  description?: string
  /** The plugin's manual: an absolute http(s) URL (a relative `docs` is resolved against the manifest). */
  docs?: string
  manifestUrl: string
  /** The manifest's `connect` list: other origins its plugins may reach. */
  connect?: string[]
}

/** A wheel listed under a manifest's `wheels` (spec §8). */
export interface WheelRef {
  /** Absolute URL. */
  url: string
  integrity?: string
  /** The last path segment of the URL (`name-1.0-py3-none-any.whl`). */
  fileName: string
  /** A wheel dropped on the page (a local plugin) comes with its bytes: nothing to download. */
  bytes?: Uint8Array
}

/** A Python plugin: an entry of group `strataregula.plugins` in a wheel's `*.dist-info/entry_points.txt`. */
export interface PythonPluginEntry {
  kind: 'python'
  name: string
  /** `package.module:Attr` exactly as in entry_points.txt (the attribute may be dotted). */
  entryPoint: string
  /** The wheel whose entry_points.txt declares it. */
  wheel: WheelRef
  /** Every wheel of the same manifest that could be read, installed together like one virtual environment. */
  wheels: WheelRef[]
  manifestUrl: string
  /** `Version:` of that wheel's METADATA. */
  version?: string
  /** `Summary:` of that wheel's METADATA. */
  description?: string
  /** The manifest's `connect` list: other origins its plugins may reach. */
  connect?: string[]
}

export type PluginEntry = ModulePluginEntry | PythonPluginEntry

export interface ManifestProblem {
  manifestUrl: string
  /** JSON path of the problem, or '' when it concerns the whole document. */
  path: string
  message: string
  /** The manifest could not be fetched at all (as opposed to being fetched and found invalid). */
  unreachable?: boolean
  /** The wheel (at `path`) that could not be fetched or read; the manifest itself may be valid. */
  wheelUrl?: string
}

export interface ParsedManifest {
  /** The URL the manifest was asked for (what the user gave). */
  url: string
  /**
   * Where the manifest was finally read after redirects, when that differs from `url`. Its plugins belong to
   * this URL: relative URLs resolve against it and consent covers its origin.
   */
  redirectedTo?: string
  name?: string
  description?: string
  /** Origins beyond its own and its modules' that its plugins may reach (`connect`). */
  connect?: string[]
  entries: PluginEntry[]
  /** The valid entries of `wheels`, in order; the wheels that could not be read are dropped once listed. */
  wheels: WheelRef[]
  /** The JSON path of each of `wheels` (`wheels[2]`), for problems found when reading them. */
  wheelPaths: string[]
  problems: ManifestProblem[]
}

/** A manifest that could not be fetched or read at all. */
export function unreachableManifest(url: string, message: string): ParsedManifest {
  return { url, entries: [], wheels: [], wheelPaths: [], problems: [{ manifestUrl: url, path: '', message, unreachable: true }] }
}

export function describeProblem(problem: ManifestProblem): string {
  if (problem.unreachable) return `Could not load registry ${problem.manifestUrl}: ${problem.message}`
  if (problem.wheelUrl) return `Could not read wheel ${problem.wheelUrl} (${problem.path} of ${problem.manifestUrl}): ${problem.message}`
  const where = problem.path === '' ? '' : `${problem.path}: `
  return `Invalid manifest ${problem.manifestUrl}: ${where}${problem.message}`
}
