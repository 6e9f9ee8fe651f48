import { defaultGlobalConfig } from './defaults'
import { overlay } from './mapping'
import type { ConfigMapping, GlobalConfig } from './types'
import type { GlobalConfigOverrides } from './validate'

/** Defaults merged with the file's valid settings, key by key; whatever the file lacks keeps its default. */
export function effectiveGlobalConfig(overrides: GlobalConfigOverrides): GlobalConfig {
  const { plugins, discovery } = defaultGlobalConfig()
  for (const [name, settings] of Object.entries(overrides.plugins ?? {})) {
    plugins[name] = overlay(ownSettings(plugins, name), settings)
  }
  return { plugins, discovery: { ...discovery, ...overrides.discovery } }
}

/** A plugin's `ctx.config` (spec §3): `plugins.<name>` overlaid key by key with `<name>.yaml`. */
export function pluginConfig(global: GlobalConfig, pluginFile: ConfigMapping | null, name: string): ConfigMapping {
  return overlay(ownSettings(global.plugins, name), pluginFile ?? {})
}

/** The oldest version of plugin `name` the user accepts, from its `min_version` setting (either file). */
export function minVersionFor(global: GlobalConfig, pluginFile: ConfigMapping | null, name: string): string | undefined {
  const minVersion = pluginConfig(global, pluginFile, name).min_version
  return typeof minVersion === 'string' ? minVersion : undefined
}

/** `discovery` ready for use: registry URLs made absolute against the page, duplicates removed. */
export interface DiscoverySettings {
  autoLoad: boolean
  pluginPaths: string[]
  trustedSources: string[]
}

export function discoverySettings(global: GlobalConfig, pageUrl: string): DiscoverySettings {
  const { auto_load, plugin_paths, trusted_sources } = global.discovery
  return {
    autoLoad: auto_load,
    pluginPaths: [...new Set(plugin_paths.map((path) => new URL(path, pageUrl).href))],
    trustedSources: [...new Set(trusted_sources)],
  }
}

/** Own entries only: a plugin named `constructor` must not find `Object.prototype.constructor`. */
function ownSettings(plugins: Record<string, ConfigMapping>, name: string): ConfigMapping {
  return Object.hasOwn(plugins, name) ? plugins[name] : {}
}
