import { errorMessage } from '../../core/errorMessage'
import type { PluginInfo } from '../../core/pluginContract'
import { LoadFailure } from './loadFailure'

type PluginObject = Record<string, unknown>

/** Calls `get_info()` (sync or async) and checks it names the plugin and its version. */
export async function readPluginInfo(plugin: PluginObject): Promise<PluginInfo> {
  let info: unknown
  try {
    // Reading the method is plugin code too: it may be a getter that throws.
    const getInfo = plugin.get_info
    if (typeof getInfo !== 'function') throw new LoadFailure('get_info() is missing')
    info = await getInfo.call(plugin)
  } catch (error) {
    if (error instanceof LoadFailure) throw error
    throw new LoadFailure(`get_info() threw: ${errorMessage(error)}`)
  }
  if (typeof info !== 'object' || info === null || Array.isArray(info)) {
    throw new LoadFailure('get_info() did not return an object')
  }
  const { name, version } = info as Record<string, unknown>
  if (typeof name !== 'string' || name === '') throw new LoadFailure('get_info() returned no name')
  if (typeof version !== 'string' || version === '') throw new LoadFailure('get_info() returned no version')
  return info as PluginInfo
}
