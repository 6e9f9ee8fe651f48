import type { PluginEntry } from './manifest/types'
import { originOf } from './trust'

/** Where a plugin's sandbox may load scripts from and send requests to (spec §7, enforced by the sandbox's CSP). */
export interface NetworkPolicy {
  /** http(s) origins, sorted, without duplicates. */
  origins: readonly string[]
  /** The plugin's own code is a `data:` URL (a local plugin): only then may the sandbox import `data:` URLs. */
  dataModules: boolean
}

/**
 * A plugin reaches its own code's origins, its manifest's origin and what its manifest lists under `connect`:
 * exactly the origins its consent covered (or, for `connect`, showed).
 */
export function networkPolicyOf(entry: PluginEntry): NetworkPolicy {
  const codeUrls = entry.kind === 'python' ? entry.wheels.map((wheel) => wheel.url) : [entry.moduleUrl]
  const origins = [...codeUrls, entry.manifestUrl].map(originOf).filter((origin) => origin.startsWith('http'))
  return {
    origins: [...new Set([...origins, ...(entry.connect ?? [])])].sort(),
    dataModules: entry.kind === 'module' && entry.moduleUrl.startsWith('data:'),
  }
}

/** One key per distinct policy, for grouping plugins that may share a sandbox. */
export function networkPolicyKey(policy: NetworkPolicy): string {
  return `${policy.dataModules ? 'data: ' : ''}${policy.origins.join(' ')}`
}
