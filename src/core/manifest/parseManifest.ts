import { childPath } from './jsonPath'
import { isJsIdentifier, resolveModuleUrl, splitModuleSpecifier } from './moduleSpecifier'
import { PLUGIN_GROUP, type ManifestProblem, type ParsedManifest, type PluginEntry } from './types'

const PLUGIN_NAME = /^[A-Za-z0-9_.-]+$/
// Names that would collide with what every JavaScript object has, wherever plugins are looked up by name.
const RESERVED_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype'])
const SRI = /^(sha256|sha384|sha512)-[A-Za-z0-9+/]+={0,2}$/

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Parses and validates a registry manifest (spec §1). Problems name the manifest URL and the JSON path;
 * a problem in one entry does not drop the manifest's other, valid entries.
 */
export function parseManifest(text: string, manifestUrl: string): ParsedManifest {
  const result: ParsedManifest = { url: manifestUrl, entries: [], problems: [] }
  const problem = (path: string, message: string) => {
    result.problems.push({ manifestUrl, path, message } satisfies ManifestProblem)
  }

  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    problem('', `not valid JSON (${(error as Error).message})`)
    return result
  }
  if (!isObject(document)) {
    problem('', 'the manifest must be a JSON object')
    return result
  }
  for (const key of ['name', 'description'] as const) {
    const value = document[key]
    if (value === undefined) continue
    if (typeof value === 'string') result[key] = value
    else problem(key, 'must be a string')
  }

  const groups = document['entry-points']
  if (groups === undefined) {
    problem('entry-points', 'is required')
    return result
  }
  if (!isObject(groups)) {
    problem('entry-points', 'must be an object')
    return result
  }
  const groupPath = childPath('entry-points', PLUGIN_GROUP)
  if (!Object.hasOwn(groups, PLUGIN_GROUP)) {
    problem(groupPath, 'is required')
    return result
  }
  const group = groups[PLUGIN_GROUP]
  if (!isObject(group)) {
    problem(groupPath, 'must be an object mapping plugin names to modules')
    return result
  }

  for (const [name, value] of Object.entries(group)) {
    const path = childPath(groupPath, name)
    if (!PLUGIN_NAME.test(name)) {
      problem(path, 'plugin name must match [A-Za-z0-9_.-]+')
      continue
    }
    if (RESERVED_NAMES.has(name)) {
      problem(path, `plugin name "${name}" is reserved`)
      continue
    }
    const entry = parseEntry(name, value, path, manifestUrl, problem)
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
): PluginEntry | undefined {
  if (typeof value === 'string') {
    if (value.trim() === '') return void problem(path, 'module is required')
    const { module, exportName } = splitModuleSpecifier(value)
    const resolved = resolveModuleUrl(module, manifestUrl)
    if ('error' in resolved) return void problem(path, resolved.error)
    return { name, moduleUrl: resolved.url, exportName, manifestUrl }
  }
  if (!isObject(value)) return void problem(path, 'must be a "MODULE:EXPORT" string or an object')

  const { module, export: exportName = 'default', integrity, version, description } = value
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
  const entry: PluginEntry = { name, moduleUrl: resolved.url, exportName, manifestUrl }
  if (integrity !== undefined) entry.integrity = integrity
  if (typeof version === 'string') entry.version = version
  if (typeof description === 'string') entry.description = description
  return entry
}
