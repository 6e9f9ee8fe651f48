/**
 * Spec §5: no plugin code runs from an origin the user has not agreed to. A plugin involves two origins,
 * its manifest's and its module's; each must be the app's own or in `discovery.trusted_sources`.
 */
export function untrustedOrigins(
  entry: { manifestUrl: string; moduleUrl: string },
  appOrigin: string,
  trustedSources: readonly string[],
): string[] {
  const origins = [...new Set([originOf(entry.manifestUrl), originOf(entry.moduleUrl)])]
  return origins.filter((origin) => origin !== appOrigin && !trustedSources.includes(origin))
}

export function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return 'null'
  }
}
