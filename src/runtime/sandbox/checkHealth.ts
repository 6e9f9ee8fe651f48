import { errorMessage } from '../../core/errorMessage'
import type { PluginInfo } from '../../core/pluginContract'
import type { HealthReport } from '../protocol'
import { readPluginInfo } from './describePlugin'

/**
 * `check_plugin_health`: healthy with the name and version from `get_info()`, plus what `health_check()`
 * adds. `health_check()` may turn the report unhealthy, but never rename the plugin.
 */
export async function checkHealth(plugin: Record<string, unknown>): Promise<HealthReport> {
  let info: PluginInfo
  try {
    info = await readPluginInfo(plugin)
  } catch (error) {
    return { healthy: false, error: errorMessage(error) }
  }
  const healthCheck = plugin.health_check
  if (typeof healthCheck !== 'function') return { healthy: true, name: info.name, version: info.version }
  try {
    return withDetail(info, await healthCheck.call(plugin))
  } catch (error) {
    return { healthy: false, error: `health_check() threw: ${errorMessage(error)}` }
  }
}

function withDetail(info: PluginInfo, detail: unknown): HealthReport {
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return { healthy: true, name: info.name, version: info.version }
  const { healthy, error } = detail as Record<string, unknown>
  if (healthy === false) return { healthy: false, error: typeof error === 'string' && error ? error : 'health_check() reported unhealthy' }
  return { ...detail, healthy: true, name: info.name, version: info.version }
}
