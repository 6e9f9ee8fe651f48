import { pathIssue } from './path'
import type { ConfigMapping, PathIssue } from './types'

/** Turns a `config.yaml` value of one layout into the next layout. */
export type LayoutMigration = (value: ConfigMapping) => ConfigMapping

/**
 * `GLOBAL_CONFIG_MIGRATIONS[i]` turns layout `i + 1` into layout `i + 2`; the current layout is the one after
 * the last migration. Layout 1, the Python one, is the only layout so far.
 */
export const GLOBAL_CONFIG_MIGRATIONS: readonly LayoutMigration[] = []

/** Top-level key naming a file's layout. Layout 1 files have none; later layouts write it when saved. */
export const LAYOUT_VERSION_KEY = 'layout_version'

export interface MigratedConfig {
  /** The value in the current layout, without the layout key. */
  value: ConfigMapping
  /** True when a migration changed the value, so paths in it may no longer match the text. */
  migrated: boolean
  errors: PathIssue[]
  warnings: PathIssue[]
}

/** Brings a parsed value to the current layout on read; the stored text stays as it is until the user saves. */
export function migrateOnRead(value: ConfigMapping, migrations: readonly LayoutMigration[] = GLOBAL_CONFIG_MIGRATIONS): MigratedConfig {
  const current = migrations.length + 1
  const { [LAYOUT_VERSION_KEY]: declared = 1, ...rest } = value
  const result: MigratedConfig = { value: rest, migrated: false, errors: [], warnings: [] }
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1) {
    result.errors.push(pathIssue([LAYOUT_VERSION_KEY], `must be a whole number from 1 to ${current}`))
    return result
  }
  if (declared > current) {
    result.warnings.push(pathIssue([LAYOUT_VERSION_KEY], `${declared} is newer than this playground knows; read as layout ${current}`))
    return result
  }
  const pending = migrations.slice(declared - 1)
  result.value = pending.reduce((migrating, migration) => migration(migrating), rest)
  result.migrated = pending.length > 0
  return result
}
