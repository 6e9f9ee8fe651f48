/** Every key the playground stores in the browser, in one place (spec §3 for the config keys). */
export const CONFIG_KEY_PREFIX = 'strataregula:'
const CONFIG_FILE_SUFFIX = '.yaml'
export const GLOBAL_CONFIG_KEY = `${CONFIG_KEY_PREFIX}config${CONFIG_FILE_SUFFIX}`

export function pluginConfigKey(pluginName: string): string {
  return `${CONFIG_KEY_PREFIX}${pluginName}${CONFIG_FILE_SUFFIX}`
}

/** The plugin whose file `key` is (`strataregula:doe_runner.yaml` → `doe_runner`); null for any other key. */
export function pluginNameOfConfigKey(key: string): string | null {
  if (key === GLOBAL_CONFIG_KEY || !key.startsWith(CONFIG_KEY_PREFIX) || !key.endsWith(CONFIG_FILE_SUFFIX)) return null
  const name = key.slice(CONFIG_KEY_PREFIX.length, -CONFIG_FILE_SUFFIX.length)
  return name === '' ? null : name
}

/** The file a config key mirrors: `strataregula:doe_runner.yaml` → `doe_runner.yaml` (spec §3). */
export function configFileName(key: string): string {
  return key.slice(CONFIG_KEY_PREFIX.length)
}

/** IndexedDB database holding the workspace files (spec §4). */
export const WORKSPACE_DB_NAME = 'strataregula-workspace'

/** IndexedDB database holding the wheels dropped on the Plugins panel (local Python plugins), by file name. */
export const LOCAL_WHEELS_DB_NAME = 'strataregula-local-wheels'

/** BroadcastChannel on which a tab tells the others that workspace files changed. */
export const WORKSPACE_CHANNEL_NAME = 'strataregula-workspace-changes'

/** The page's own state in localStorage, beside the configuration files. */
export const RUN_HISTORY_KEY = 'strataregula-playground:run-history'
export const RUN_FORM_KEY = 'strataregula-playground:run-form'
/** The local plugins (dropped or pasted on the Plugins panel), with their source. */
export const LOCAL_PLUGINS_KEY = 'strataregula-playground:local-plugins'
export type PageStateKey = typeof RUN_HISTORY_KEY | typeof RUN_FORM_KEY | typeof LOCAL_PLUGINS_KEY
