import { errorMessage } from '../errorMessage'
import { isObjectReference, parseEntryPoints } from '../python/entryPoints'
import type { WheelDistInfo } from '../python/readWheel'
import { parseWheelMetadata } from '../python/wheelMetadata'
import { childPath } from './jsonPath'
import { pluginNameProblem } from './pluginName'
import { PLUGIN_GROUP, type ManifestProblem, type ParsedManifest, type PythonPluginEntry, type WheelRef } from './types'

/** What fetching and unpacking one of a manifest's wheels gave. */
export type WheelReading = { ok: true; distInfo: WheelDistInfo } | { ok: false; reason: string }

/**
 * Adds the plugins declared in the wheels' entry_points.txt (group `strataregula.plugins`) to a parsed
 * manifest. `readings[i]` belongs to `manifest.wheels[i]`. A wheel that could not be read is a problem
 * naming it and is dropped; a name the manifest already declares is a problem naming both places.
 */
export function addWheelPlugins(manifest: ParsedManifest, readings: readonly WheelReading[]): ParsedManifest {
  const problems: ManifestProblem[] = [...manifest.problems]
  const readable: { wheel: WheelRef; path: string; distInfo: WheelDistInfo }[] = []
  manifest.wheels.forEach((wheel, index) => {
    const reading = readings[index]!
    const path = manifest.wheelPaths[index]!
    if (reading.ok) readable.push({ wheel, path, distInfo: reading.distInfo })
    else problems.push({ manifestUrl: manifest.url, path, message: reading.reason, wheelUrl: wheel.url })
  })

  const wheels = readable.map(({ wheel }) => wheel)
  const declaredAt = new Map(manifest.entries.map((entry) => [entry.name, childPath(childPath('entry-points', PLUGIN_GROUP), entry.name)]))
  const entries = [...manifest.entries]
  for (const { wheel, path, distInfo } of readable) {
    const wheelProblem = (message: string) => problems.push({ manifestUrl: manifest.url, path, message, wheelUrl: wheel.url })
    let lines
    try {
      lines = parseEntryPoints(distInfo.entryPoints ?? '')
    } catch (error) {
      wheelProblem(errorMessage(error))
      continue
    }
    const metadata = parseWheelMetadata(distInfo.metadata)
    for (const { group, name, value, line } of lines) {
      if (group !== PLUGIN_GROUP) continue
      const place = `${path} (${wheel.fileName}) entry_points.txt line ${line}`
      const nameProblem = pluginNameProblem(name)
      if (nameProblem) {
        wheelProblem(`entry_points.txt line ${line}: ${nameProblem}`)
        continue
      }
      if (!isObjectReference(value)) {
        wheelProblem(`entry_points.txt line ${line}: ${JSON.stringify(value)} is not an object reference like package.module:Class`)
        continue
      }
      const earlier = declaredAt.get(name)
      if (earlier) {
        problems.push({ manifestUrl: manifest.url, path, message: `plugin "${name}" is declared twice: at ${earlier} and at ${place} (the first is used)` })
        continue
      }
      declaredAt.set(name, place)
      entries.push(pythonEntry(name, value, wheel, wheels, manifest, metadata))
    }
  }
  return { ...manifest, entries, wheels, wheelPaths: readable.map(({ path }) => path), problems }
}

function pythonEntry(
  name: string,
  entryPoint: string,
  wheel: WheelRef,
  wheels: WheelRef[],
  manifest: ParsedManifest,
  metadata: Map<string, string>,
): PythonPluginEntry {
  const entry: PythonPluginEntry = { kind: 'python', name, entryPoint, wheel, wheels, manifestUrl: manifest.redirectedTo ?? manifest.url }
  if (manifest.connect) entry.connect = manifest.connect
  const version = metadata.get('version')
  const description = metadata.get('summary')
  if (version) entry.version = version
  if (description) entry.description = description
  return entry
}
