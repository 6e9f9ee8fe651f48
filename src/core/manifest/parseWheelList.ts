import { SRI } from '../integrity'
import { childPath } from './jsonPath'
import { resolveModuleUrl } from './moduleSpecifier'
import type { WheelRef } from './types'
import { isPlainObject } from '../plainObject'

// `{distribution}-{version}(-{build})?-{python}-{abi}-{platform}.whl`; pure Python means abi `none`, platform `any`.
const WHEEL_FILE = /^[^-/]+-[^-/]+(-[0-9][^-/]*)?-[^-/]+-[^-/]+-[^-/]+\.whl$/
const PURE_WHEEL_FILE = /-none-any\.whl$/

/** Every wheel is downloaded when the manifest is listed: a longer list is a mistake or an attack on the page. */
export const MAX_WHEELS_PER_MANIFEST = 100

/**
 * The valid entries of a manifest's `wheels` list (spec §8), strings or `{url, integrity}` with their URL
 * resolved against the manifest's, and the JSON path of each.
 */
export function parseWheelList(
  value: unknown,
  manifestUrl: string,
  problem: (path: string, message: string) => void,
): { wheels: WheelRef[]; wheelPaths: string[] } {
  const result = { wheels: [] as WheelRef[], wheelPaths: [] as string[] }
  if (!Array.isArray(value)) {
    problem('wheels', 'must be a list of wheel URLs')
    return result
  }
  if (value.length > MAX_WHEELS_PER_MANIFEST) {
    problem('wheels', `lists ${value.length} wheels, more than the ${MAX_WHEELS_PER_MANIFEST} a registry may list; none of them is read`)
    return result
  }
  value.forEach((item, index) => {
    const path = `wheels[${index}]`
    const wheel = parseWheel(item, path, manifestUrl, problem)
    if (!wheel) return
    result.wheels.push(wheel)
    result.wheelPaths.push(path)
  })
  return result
}

/** Why `fileName` is not the name of a pure-Python wheel, or undefined when it is. */
export function wheelFileNameProblem(fileName: string): string | undefined {
  if (!WHEEL_FILE.test(fileName)) return `not a wheel file name: ${JSON.stringify(fileName)} (name-version-python-abi-platform.whl expected)`
  if (!PURE_WHEEL_FILE.test(fileName)) return `not a pure-Python wheel: ${JSON.stringify(fileName)} (…-none-any.whl expected)`
  return undefined
}

function parseWheel(item: unknown, path: string, manifestUrl: string, problem: (path: string, message: string) => void): WheelRef | undefined {
  const isObject = isPlainObject(item)
  if (typeof item !== 'string' && !isObject) return void problem(path, 'must be a wheel URL or an object with url')
  const { url, integrity } = (isObject ? item : { url: item }) as { url?: unknown; integrity?: unknown }
  const urlPath = isObject ? childPath(path, 'url') : path
  if (url === undefined || url === '') return void problem(path, 'url is required')
  if (typeof url !== 'string') return void problem(urlPath, 'must be a string')
  const resolved = resolveModuleUrl(url, manifestUrl)
  if ('error' in resolved) return void problem(urlPath, resolved.error)
  const fileName = lastPathSegment(resolved.url)
  const fileNameProblem = wheelFileNameProblem(fileName)
  if (fileNameProblem) return void problem(urlPath, fileNameProblem)
  if (integrity !== undefined && (typeof integrity !== 'string' || !SRI.test(integrity))) {
    return void problem(childPath(path, 'integrity'), 'must be an SRI string like sha384-<base64>')
  }
  return integrity === undefined ? { url: resolved.url, fileName } : { url: resolved.url, integrity, fileName }
}

function lastPathSegment(url: string): string {
  const segment = new URL(url).pathname.split('/').pop() ?? ''
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
