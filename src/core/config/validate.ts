import { valid as validVersion } from 'semver'
import { isPlainObject } from '../plainObject'
import { pathIssue } from './path'
import type { ConfigMapping, ConfigPath, DiscoveryConfig, PathIssue } from './types'
import { isHttpUrl } from '../http'

/** The usable part of a `config.yaml` value: only settings that passed validation. */
export interface GlobalConfigOverrides {
  plugins?: Record<string, ConfigMapping>
  discovery?: Partial<DiscoveryConfig>
}

export interface Validated<Value> {
  value: Value
  errors: PathIssue[]
  warnings: PathIssue[]
}

const KNOWN_TOP_LEVEL_KEYS = ['plugins', 'discovery']
const KNOWN_DISCOVERY_KEYS = ['auto_load', 'plugin_paths', 'trusted_sources']
/** Base for checking `plugin_paths`, which may be relative to the page; never fetched. */
const PLACEHOLDER_BASE = 'https://playground.invalid/'

/**
 * Checks the shape of a `config.yaml` value. A value that fails is left out of the result, so only that
 * value falls back to its default (a bad list item is dropped, keeping the valid ones); every other
 * setting of the file still applies. A `null` value (`discovery:` with nothing after it) means "not set".
 * Unknown keys are ignored with a warning.
 */
export function validateGlobalConfig(value: ConfigMapping): Validated<GlobalConfigOverrides> {
  const result: Validated<GlobalConfigOverrides> = { value: {}, errors: [], warnings: [] }
  for (const [key, setting] of Object.entries(value)) {
    if (setting === null) continue
    if (!KNOWN_TOP_LEVEL_KEYS.includes(key)) {
      const known = KNOWN_TOP_LEVEL_KEYS.join(' and ')
      result.warnings.push(pathIssue([key], `unknown key, ignored (the playground reads ${known})`))
    } else if (!isPlainObject(setting)) {
      result.errors.push(pathIssue([key], 'must be a mapping'))
    } else if (key === 'plugins') {
      result.value.plugins = collect(result, validatePlugins(setting))
    } else {
      result.value.discovery = collect(result, validateDiscovery(setting))
    }
  }
  return result
}

/**
 * Checks one plugin's settings (`plugins.<name>` or the top level of `<name>.yaml`, at `path`). Settings are
 * the plugin's own and pass through as they are, except `min_version`, which the host reads.
 */
export function validatePluginSettings(value: ConfigMapping, path: ConfigPath = []): Validated<ConfigMapping> {
  const result: Validated<ConfigMapping> = { value: { ...value }, errors: [], warnings: [] }
  const minVersion = value.min_version
  if (minVersion === undefined || (typeof minVersion === 'string' && validVersion(minVersion) !== null)) return result
  delete result.value.min_version
  if (minVersion !== null) {
    result.errors.push(pathIssue([...path, 'min_version'], 'must be a version like 1.2.0 (quoted: "1.2.0")'))
  }
  return result
}

function validatePlugins(plugins: ConfigMapping): Validated<Record<string, ConfigMapping>> {
  const result: Validated<Record<string, ConfigMapping>> = { value: {}, errors: [], warnings: [] }
  for (const [name, settings] of Object.entries(plugins)) {
    if (settings === null) continue
    if (isPlainObject(settings)) result.value[name] = collect(result, validatePluginSettings(settings, ['plugins', name]))
    else result.errors.push(pathIssue(['plugins', name], 'must be a mapping'))
  }
  return result
}

function validateDiscovery(discovery: ConfigMapping): Validated<Partial<DiscoveryConfig>> {
  const result: Validated<Partial<DiscoveryConfig>> = { value: {}, errors: [], warnings: [] }
  for (const [key, setting] of Object.entries(discovery)) {
    if (setting === null) continue
    const path = ['discovery', key]
    switch (key) {
      case 'auto_load':
        if (typeof setting === 'boolean') result.value.auto_load = setting
        else result.errors.push(pathIssue(path, 'must be true or false'))
        break
      case 'plugin_paths':
      case 'trusted_sources': {
        const items =
          key === 'plugin_paths'
            ? validList(result, path, setting, 'a list of URLs', registryUrl)
            : validList(result, path, setting, 'a list of origins', origin)
        if (items) result.value[key] = items
        break
      }
      default:
        result.warnings.push(pathIssue(path, `unknown key, ignored (known keys: ${KNOWN_DISCOVERY_KEYS.join(', ')})`))
    }
  }
  return result
}

/** Moves the issues of a part into `into` and returns the part's value. */
function collect<Value>(into: Validated<unknown>, part: Validated<Value>): Value {
  into.errors.push(...part.errors)
  into.warnings.push(...part.warnings)
  return part.value
}

/** A checked item, or the problem that makes it unusable. */
type ItemCheck = { value: string } | { problem: string }

/** The items of a list that pass `check`; `undefined` (the default applies) when `list` is not a list. */
function validList(result: Validated<unknown>, path: ConfigPath, list: unknown, expected: string, check: (item: unknown) => ItemCheck): string[] | undefined {
  if (!Array.isArray(list)) {
    result.errors.push(pathIssue(path, `must be ${expected}`))
    return undefined
  }
  const items: string[] = []
  list.forEach((item, index) => {
    const checked = check(item)
    if ('value' in checked) items.push(checked.value)
    else result.errors.push(pathIssue([...path, index], checked.problem))
  })
  return items
}

/** A registry manifest URL, absolute or relative to the page, kept as written. */
function registryUrl(item: unknown): ItemCheck {
  const url = typeof item === 'string' && item.trim() !== '' ? parseUrl(item, PLACEHOLDER_BASE) : null
  if (typeof item !== 'string' || !url) return { problem: 'must be a URL string' }
  if (!isHttpUrl(url)) return { problem: 'must be an http or https URL' }
  return { value: item }
}

/** An origin (`https://example.org`, a trailing `/` allowed), normalised as `URL.origin` writes it. */
function origin(item: unknown): ItemCheck {
  const url = typeof item === 'string' && !/[?#]/.test(item) ? parseUrl(item) : null
  const isOrigin = url !== null && isHttpUrl(url) && url.username === '' && url.password === '' && url.pathname === '/'
  return isOrigin ? { value: url.origin } : { problem: 'must be an origin like https://example.org' }
}

/** `URL.parse`, which Node 20 lacks. */
function parseUrl(text: string, base?: string): URL | null {
  try {
    return new URL(text, base)
  } catch {
    return null
  }
}
