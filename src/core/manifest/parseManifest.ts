import { SRI } from '../integrity'
import { childPath } from './jsonPath'
import { isJsIdentifier, resolveModuleUrl, splitModuleSpecifier } from './moduleSpecifier'
import { pluginNameProblem } from './pluginName'
import { parseConnectList } from './parseConnectList'
import { parseWheelList } from './parseWheelList'
import { PLUGIN_GROUP, type ManifestProblem, type ModulePluginEntry, type ParsedManifest } from './types'
import { isPlainObject } from '../plainObject'
import { errorMessage } from '../errorMessage'

/** More plugins than any real registry declares: past this the manifest is refused rather than slowing the page. */
export const MAX_PLUGINS_PER_MANIFEST = 5000

/**
 * Parses and validates a registry manifest (spec §1, §8). Problems name the manifest URL and the JSON path;
 * a problem in one entry does not drop the manifest's other, valid entries. The plugins inside the wheels
 * are listed later, from the wheels' bytes (`addWheelPlugins`). `finalUrl` is where the manifest was read
 * after redirects: the plugins' URLs resolve against it.
 */
export function parseManifest(text: string, manifestUrl: string, finalUrl = manifestUrl): ParsedManifest {
  const result: ParsedManifest = { url: manifestUrl, entries: [], wheels: [], wheelPaths: [], problems: [] }
  if (finalUrl !== manifestUrl) result.redirectedTo = finalUrl
  const problem = (path: string, message: string) => {
    result.problems.push({ manifestUrl, path, message } satisfies ManifestProblem)
  }

  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    problem('', `not valid JSON (${errorMessage(error)})`)
    return result
  }
  if (!isPlainObject(document)) {
    problem('', 'the manifest must be a JSON object')
    return result
  }
  for (const key of ['name', 'description'] as const) {
    const value = document[key]
    if (value === undefined) continue
    if (typeof value === 'string') result[key] = value
    else problem(key, 'must be a string')
  }

  if (document.connect !== undefined) {
    const connect = parseConnectList(document.connect, problem)
    if (connect.length) result.connect = connect
  }

  // A manifest of wheels alone declares its plugins in the wheels' entry_points.txt.
  const hasWheels = document.wheels !== undefined
  if (hasWheels) Object.assign(result, parseWheelList(document.wheels, finalUrl, problem))
  const groups = document['entry-points']
  if (groups === undefined) {
    if (!hasWheels) problem('entry-points', 'is required')
    return result
  }
  if (!isPlainObject(groups)) {
    problem('entry-points', 'must be an object')
    return result
  }
  const groupPath = childPath('entry-points', PLUGIN_GROUP)
  if (!Object.hasOwn(groups, PLUGIN_GROUP)) {
    problem(groupPath, 'is required')
    return result
  }
  const group = groups[PLUGIN_GROUP]
  if (!isPlainObject(group)) {
    problem(groupPath, 'must be an object mapping plugin names to modules')
    return result
  }

  const declared = Object.keys(group).length
  if (declared > MAX_PLUGINS_PER_MANIFEST) {
    problem(groupPath, `declares ${declared} plugins, more than the ${MAX_PLUGINS_PER_MANIFEST} a registry may declare; none of them is listed`)
    return result
  }
  for (const [name, value] of Object.entries(group)) {
    const path = childPath(groupPath, name)
    const nameProblem = pluginNameProblem(name)
    if (nameProblem) {
      problem(path, nameProblem)
      continue
    }
    const entry = parseEntry(name, value, path, finalUrl, problem)
    if (entry && result.connect) entry.connect = result.connect
    if (entry) result.entries.push(entry)
  }
  return result
}

function parseEntry(
  name: string,
  value: unknown,
  path: string,
  manifestUrl: string,
  problem: (path: string, message: string) => void,
): ModulePluginEntry | undefined {
  if (typeof value === 'string') {
    if (value.trim() === '') return void problem(path, 'module is required')
    const { module, exportName } = splitModuleSpecifier(value)
    const resolved = resolveModuleUrl(module, manifestUrl)
    if ('error' in resolved) return void problem(path, resolved.error)
    return { kind: 'module', name, moduleUrl: resolved.url, exportName, manifestUrl }
  }
  if (!isPlainObject(value)) return void problem(path, 'must be a "MODULE:EXPORT" string or an object')

  const { module, export: exportName = 'default', integrity, version, description, docs } = value
  if (module === undefined || module === '') return void problem(path, 'module is required')
  if (typeof module !== 'string') return void problem(childPath(path, 'module'), 'must be a string')
  const resolved = resolveModuleUrl(module, manifestUrl)
  if ('error' in resolved) return void problem(childPath(path, 'module'), resolved.error)
  if (typeof exportName !== 'string' || !isJsIdentifier(exportName)) {
    return void problem(childPath(path, 'export'), 'must be a JavaScript identifier')
  }
  if (integrity !== undefined && (typeof integrity !== 'string' || !SRI.test(integrity))) {
    return void problem(childPath(path, 'integrity'), 'must be an SRI string like sha384-<base64>')
  }
  const entry: ModulePluginEntry = { kind: 'module', name, moduleUrl: resolved.url, exportName, manifestUrl }
  if (docs !== undefined) {
    // Only the manual link is dropped: a wrong link does not hide the plugin.
    const resolvedDocs =
      typeof docs === 'string' && docs !== '' ? resolveModuleUrl(docs, manifestUrl) : { error: 'must be an http(s) URL or one relative to the manifest' }
    if ('error' in resolvedDocs) problem(childPath(path, 'docs'), resolvedDocs.error)
    else entry.docs = resolvedDocs.url
  }
  if (integrity !== undefined) entry.integrity = integrity
  if (typeof version === 'string') entry.version = version
  if (typeof description === 'string') entry.description = description
  return entry
}
