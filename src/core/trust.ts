import { isLocalEntry } from './localPlugins'

/** Where a plugin's code comes from: its module, or (for a Python plugin) every wheel installed with it. */
type CodeSource = { manifestUrl: string; moduleUrl: string } | { manifestUrl: string; wheels: readonly { url: string }[] }

/**
 * Spec §5: no plugin code runs from an origin the user has not agreed to. A plugin involves its manifest's
 * origin and its code's; each must be the app's own or in `discovery.trusted_sources`.
 */
export function untrustedOrigins(entry: CodeSource, appOrigin: string, trustedSources: readonly string[]): string[] {
  // The user's own code, dropped or pasted into this page: putting it there is the consent.
  if (isLocalEntry(entry)) return []
  const codeUrls = 'wheels' in entry ? entry.wheels.map((wheel) => wheel.url) : [entry.moduleUrl]
  const origins = [...new Set([entry.manifestUrl, ...codeUrls].map(originOf))]
  return origins.filter((origin) => origin !== appOrigin && !trustedSources.includes(origin))
}

export function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return 'null'
  }
}
