/** The entry-point group the playground loads (spec §1); other groups are kept and ignored. */
export const PLUGIN_GROUP = 'strataregula.plugins'

/** One plugin as a manifest declares it, with its module URL already absolute. */
export interface PluginEntry {
  name: string
  moduleUrl: string
  exportName: string
  integrity?: string
  /** Metadata shown before the plugin is loaded (object form only). */
  version?: string
  description?: string
  manifestUrl: string
}

export interface WheelRef {
  url: string
  integrity?: string
  fileName: string
}

export interface PythonPluginEntry {
  kind: 'python'
  name: string
  entryPoint: string
  wheel: WheelRef
  wheels: WheelRef[]
  manifestUrl: string
  version?: string
  description?: string
}

export interface ManifestProblem {
  manifestUrl: string
  /** JSON path of the problem, or '' when it concerns the whole document. */
  path: string
  message: string
  /** The manifest could not be fetched at all (as opposed to being fetched and found invalid). */
  unreachable?: boolean
}

export interface ParsedManifest {
  url: string
  name?: string
  description?: string
  entries: PluginEntry[]
  problems: ManifestProblem[]
}

export function describeProblem(problem: ManifestProblem): string {
  if (problem.unreachable) return `Could not load registry ${problem.manifestUrl}: ${problem.message}`
  const where = problem.path === '' ? '' : `${problem.path}: `
  return `Invalid manifest ${problem.manifestUrl}: ${where}${problem.message}`
}
