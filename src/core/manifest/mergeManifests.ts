import type { ParsedManifest, PluginEntry } from './types'

export interface Shadowing {
  name: string
  /** The manifest whose entry is hidden. */
  shadowedManifestUrl: string
  /** The later manifest whose entry is used instead. */
  winnerManifestUrl: string
}

export interface MergedRegistry {
  entries: PluginEntry[]
  shadowings: Shadowing[]
}

/** Merges manifests in load order: a name declared again by a later manifest replaces the earlier entry. */
export function mergeManifests(manifests: readonly ParsedManifest[]): MergedRegistry {
  const byName = new Map<string, PluginEntry>()
  const shadowings: Shadowing[] = []
  for (const manifest of manifests) {
    for (const entry of manifest.entries) {
      const earlier = byName.get(entry.name)
      if (earlier && earlier.manifestUrl !== entry.manifestUrl) {
        shadowings.push({
          name: entry.name,
          shadowedManifestUrl: earlier.manifestUrl,
          winnerManifestUrl: entry.manifestUrl,
        })
      }
      byName.set(entry.name, entry)
    }
  }
  return { entries: [...byName.values()], shadowings }
}
