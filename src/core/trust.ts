/**
 * Spec §5: a manifest from another origin runs no plugin code until the user agrees, unless its origin is
 * trusted. The app's own origin (the bundled registry) is always trusted.
 */
export function needsConsent(manifestUrl: string, appOrigin: string, trustedSources: readonly string[]): boolean {
  const origin = originOf(manifestUrl)
  return origin !== appOrigin && !trustedSources.includes(origin)
}

export function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return 'null'
  }
}
