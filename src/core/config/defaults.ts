import { GLOBAL_CONFIG_KEY } from '../storageKeys'
import type { ConfigFileState, GlobalConfig } from './types'

/** The built-in `config.yaml` of spec §3; a fresh copy on every call, so callers may change it. */
export function defaultGlobalConfig(): GlobalConfig {
  return {
    plugins: {
      doe_runner: { default_workers: 4, cache_enabled: true, log_level: 'INFO' },
      restaurant_config: { default_format: 'yaml', validation_strict: true },
    },
    discovery: { auto_load: true, plugin_paths: [], trusted_sources: [] },
  }
}

/**
 * The text offered while nothing is stored, and what a reset puts back; stored only when the user saves or
 * resets. The same settings as {@link defaultGlobalConfig}.
 */
export const DEFAULT_GLOBAL_CONFIG_TEXT = `# Strataregula settings, as in ~/.strataregula/config.yaml.
# Missing keys fall back to the built-in defaults.

# Settings per plugin, passed to the plugin as ctx.config.
# strataregula:<plugin>.yaml, when present, overlays these key by key.
# min_version: the oldest plugin version accepted (e.g. min_version: "1.2.0").
plugins:
  doe_runner: {default_workers: 4, cache_enabled: true, log_level: INFO}
  restaurant_config: {default_format: yaml, validation_strict: true}

discovery:
  # false: list plugins from the manifest, import them only on demand
  auto_load: true
  # more registry manifest URLs, loaded with the main one
  plugin_paths: []
  # origins whose plugins load without asking first, e.g. https://plugins.example.org
  trusted_sources: []
`

/** `config.yaml` before its stored text has been read: the defaults, as when nothing is stored. */
export function unreadGlobalConfigFile(): ConfigFileState<GlobalConfig> {
  return { key: GLOBAL_CONFIG_KEY, text: DEFAULT_GLOBAL_CONFIG_TEXT, stored: false, value: defaultGlobalConfig(), errors: [], warnings: [] }
}
