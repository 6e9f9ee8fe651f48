/** Every key the playground stores in the browser, in one place (spec §3 for the config keys). */
export const CONFIG_KEY_PREFIX = 'strataregula:'
export const GLOBAL_CONFIG_KEY = `${CONFIG_KEY_PREFIX}config.yaml`

export function pluginConfigKey(pluginName: string): string {
  return `${CONFIG_KEY_PREFIX}${pluginName}.yaml`
}

/** IndexedDB database holding the workspace files (spec §4). */
export const WORKSPACE_DB_NAME = 'strataregula-workspace'
