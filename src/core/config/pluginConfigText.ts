import { stringify } from 'yaml'
import type { ConfigMapping } from './types'

// Apart from defaults.ts, which the first load needs: this one needs the YAML library.
/**
 * The text offered for a plugin's own file while nothing is stored: a commented copy of the settings the
 * plugin gets from `config.yaml` now (`inherited`, defaults included), to uncomment and change.
 */
export function defaultPluginConfigText(pluginName: string, inherited: ConfigMapping = {}): string {
  const header = `# Settings of the ${pluginName} plugin, as in ~/.strataregula/${pluginName}.yaml.
# Its keys overlay plugins.${pluginName} of strataregula:config.yaml, key by key.
`
  if (Object.keys(inherited).length === 0) return `${header}# config.yaml sets nothing for ${pluginName} yet.\n`
  const keys = stringify(inherited)
    .trimEnd()
    .split('\n')
    .map((line) => `# ${line}`)
  return `${header}# What config.yaml gives it now; uncomment a key to change it here:\n${keys.join('\n')}\n`
}
