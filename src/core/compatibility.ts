import { gte, valid } from 'semver'

export type Compatibility = { compatible: true } | { compatible: false; reason: string }

/**
 * `check_plugin_compatibility` (spec §2): the plugin's version must be >= the required minimum.
 * A missing version counts as 0.0.0; a version that is not semver is incompatible.
 */
export function checkCompatibility(version: string | undefined, minVersion: string | undefined): Compatibility {
  if (minVersion === undefined) return { compatible: true }
  if (!valid(minVersion)) return { compatible: false, reason: `the required min_version "${minVersion}" is not a semantic version` }
  const found = version === undefined || version === '' ? '0.0.0' : version
  if (!valid(found)) return { compatible: false, reason: `requires >= ${minVersion}, found "${found}", which is not a semantic version` }
  return gte(found, minVersion) ? { compatible: true } : { compatible: false, reason: `requires >= ${minVersion}, found ${found}` }
}
