import { GLOBAL_CONFIG_KEY, pluginConfigKey } from '../storageKeys'
import { DEFAULT_GLOBAL_CONFIG_TEXT, defaultGlobalConfig } from './defaults'
import { defaultPluginConfigText } from './pluginConfigText'
import { effectiveGlobalConfig } from './merge'
import { GLOBAL_CONFIG_MIGRATIONS, migrateOnRead, type LayoutMigration } from './migrate'
import { parseConfigText, type ParsedConfigText } from './parse'
import type { ConfigFileState, ConfigIssue, ConfigMapping, GlobalConfig, PathIssue } from './types'
import { validateGlobalConfig, validatePluginSettings } from './validate'

/** `config.yaml` as the app runs on it; `text` is the stored text (null when nothing is stored). */
export function readGlobalConfigFile(text: string | null, migrations: readonly LayoutMigration[] = GLOBAL_CONFIG_MIGRATIONS): ConfigFileState<GlobalConfig> {
  return readConfigFile(GLOBAL_CONFIG_KEY, text, DEFAULT_GLOBAL_CONFIG_TEXT, defaultGlobalConfig, (value) => {
    const migrated = migrateOnRead(value, migrations)
    const validated = validateGlobalConfig(migrated.value)
    return {
      value: effectiveGlobalConfig(validated.value),
      errors: [...migrated.errors, ...validated.errors],
      warnings: [...migrated.warnings, ...validated.warnings],
      pathsMatchText: !migrated.migrated,
    }
  })
}

/**
 * A plugin's own `<name>.yaml`; its value is only the file's valid settings (merge it with `pluginConfig`).
 * `inherited` is what `config.yaml` gives the plugin, hinted at in the text offered while nothing is stored.
 */
export function readPluginConfigFile(pluginName: string, text: string | null, inherited: ConfigMapping = {}): ConfigFileState<ConfigMapping> {
  const key = pluginConfigKey(pluginName)
  return readConfigFile(
    key,
    text,
    defaultPluginConfigText(pluginName, inherited),
    () => ({}),
    (value) => ({
      ...validatePluginSettings(value),
      pathsMatchText: true,
    }),
  )
}

interface Interpreted<Value> {
  value: Value
  errors: PathIssue[]
  warnings: PathIssue[]
  /** False when the value was migrated, so issue paths may not exist in the text. */
  pathsMatchText: boolean
}

/**
 * Parse, then `interpret` the mapping. A file that cannot be read at all runs on `fallback()`; the text is
 * returned as stored either way, never repaired.
 */
function readConfigFile<Value>(
  key: string,
  text: string | null,
  defaultText: string,
  fallback: () => Value,
  interpret: (value: ConfigMapping) => Interpreted<Value>,
): ConfigFileState<Value> {
  if (text === null) return { key, text: defaultText, stored: false, value: fallback(), errors: [], warnings: [] }
  const parsed = parseConfigText(text)
  if (parsed.value === null) {
    return { key, text, stored: true, value: fallback(), errors: parsed.errors, warnings: parsed.warnings }
  }
  const interpreted = interpret(parsed.value)
  const place = (issue: PathIssue) => placed(issue, interpreted.pathsMatchText ? parsed : undefined)
  return {
    key,
    text,
    stored: true,
    value: interpreted.value,
    errors: [...parsed.errors, ...interpreted.errors.map(place)],
    warnings: [...parsed.warnings, ...interpreted.warnings.map(place)],
  }
}

function placed(issue: PathIssue, source: ParsedConfigText | undefined): ConfigIssue {
  return { message: issue.message, ...source?.locate(issue.path) }
}
