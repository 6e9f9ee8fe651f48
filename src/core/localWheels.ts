import { errorMessage } from './errorMessage'
import { formatLimit, formatSize, MiB } from './format'
import { LOCAL_REGISTRY_URL, localManifest, type LocalPlugin } from './localPlugins'
import { wheelFileNameProblem } from './manifest/parseWheelList'
import type { ParsedManifest, WheelRef } from './manifest/types'
import { addWheelPlugins, type WheelReading } from './manifest/wheelPlugins'
import { readWheelDistInfo } from './python/readWheel'

/**
 * Python wheels dropped on the Plugins panel: their plugins are local plugins, listed from the wheel's
 * `entry_points.txt` and run like a registry's Python plugins (all local wheels are installed together, as
 * one manifest's are). The wheel travels with its bytes, which the browser keeps until it is removed.
 * Kept apart from `localPlugins.ts`: reading a wheel takes an unzip library, loaded only when there are wheels.
 */
export interface LocalWheel {
  fileName: string
  bytes: Uint8Array
}

/** As much as a registry's wheel may have. */
export const LOCAL_WHEEL_MAX_BYTES = 64 * MiB

/** Where a local wheel's problems say it is, in place of a manifest's `wheels[N]`. */
const LOCAL_WHEEL_PATH = 'local wheel'

/** Why the file `fileName` of `size` bytes cannot be tried as a local wheel, or undefined when it can. */
export function localWheelProblem(fileName: string, size: number): string | undefined {
  const nameProblem = wheelFileNameProblem(fileName)
  if (nameProblem) return `${fileName}: ${nameProblem}`
  if (size > LOCAL_WHEEL_MAX_BYTES) {
    return `${fileName} is ${formatSize(size)}, over the ${formatLimit(LOCAL_WHEEL_MAX_BYTES)} a local wheel may have; host it and list it under "wheels" in a registry instead`
  }
  return undefined
}

/** The local registry: the local modules, then the plugins of the local wheels. */
export function localRegistryWithWheels(plugins: readonly LocalPlugin[], wheels: readonly LocalWheel[]): ParsedManifest {
  const manifest = { ...localManifest(plugins), wheels: wheels.map(localWheelRef), wheelPaths: wheels.map(() => LOCAL_WHEEL_PATH) }
  return addWheelPlugins(manifest, wheels.map(readLocalWheel))
}

/** The names of the plugins `wheel` declares; an Error saying why when it cannot be tried. */
export function localWheelPluginNames(wheel: LocalWheel): string[] {
  const manifest = localRegistryWithWheels([], [wheel])
  const problem = manifest.problems[0]
  if (problem) throw new Error(problem.message)
  if (manifest.entries.length === 0) throw new Error('it declares no plugin: its entry_points.txt has no "strataregula.plugins" entry')
  return manifest.entries.map((entry) => entry.name)
}

function localWheelRef({ fileName, bytes }: LocalWheel): WheelRef {
  return { url: `${LOCAL_REGISTRY_URL}/${encodeURIComponent(fileName)}`, fileName, bytes }
}

function readLocalWheel({ bytes }: LocalWheel): WheelReading {
  try {
    return { ok: true, distInfo: readWheelDistInfo(bytes) }
  } catch (error) {
    return { ok: false, reason: errorMessage(error) }
  }
}
