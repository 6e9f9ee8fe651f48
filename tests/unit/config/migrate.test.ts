import { describe, expect, it } from 'vitest'
import { readGlobalConfigFile } from '../../../src/core/config/fileState'
import { GLOBAL_CONFIG_MIGRATIONS, migrateOnRead, type LayoutMigration } from '../../../src/core/config/migrate'

/** A made-up layout 2 that renames `discovery` to `sources`. */
const renameDiscovery: LayoutMigration = ({ discovery, ...rest }) => ({ ...rest, sources: discovery })

describe('migrateOnRead', () => {
  it('leaves today’s layout alone', () => {
    expect(GLOBAL_CONFIG_MIGRATIONS).toEqual([])
    expect(migrateOnRead({ discovery: {} })).toEqual({ value: { discovery: {} }, migrated: false, errors: [], warnings: [] })
  })

  it('applies the migrations from the file’s layout on', () => {
    expect(migrateOnRead({ discovery: { auto_load: false } }, [renameDiscovery])).toEqual({
      value: { sources: { auto_load: false } },
      migrated: true,
      errors: [],
      warnings: [],
    })
  })

  it('does not migrate a file already in the current layout, and drops the layout key', () => {
    expect(migrateOnRead({ layout_version: 2, sources: {} }, [renameDiscovery])).toEqual({
      value: { sources: {} },
      migrated: false,
      errors: [],
      warnings: [],
    })
  })

  it('reads a file from a newer playground as the current layout, with a warning', () => {
    const migrated = migrateOnRead({ layout_version: 3, discovery: {} })
    expect(migrated.value).toEqual({ discovery: {} })
    expect(migrated.warnings.map((issue) => issue.message)).toEqual(['layout_version: 3 is newer than this playground knows; read as layout 1'])
  })

  it.each(['2', 0, 1.5, true])('refuses layout_version %j', (layoutVersion) => {
    const migrated = migrateOnRead({ layout_version: layoutVersion }, [renameDiscovery])
    expect(migrated.migrated).toBe(false)
    expect(migrated.errors.map((issue) => issue.message)).toEqual(['layout_version: must be a whole number from 1 to 2'])
  })
})

describe('migration on read of a stored file', () => {
  it('migrates the value, not the text', () => {
    const migrateWorkers: LayoutMigration = ({ plugins, ...rest }) => ({
      ...rest,
      plugins: { ...(plugins as object), doe_runner: { default_workers: 16 } },
    })
    const text = 'plugins:\n  doe_runner: {default_workers: 2}\n'
    const state = readGlobalConfigFile(text, [migrateWorkers])
    expect(state.text).toBe(text)
    expect(state.value.plugins.doe_runner).toEqual({ default_workers: 16, cache_enabled: true, log_level: 'INFO' })
  })

  it('gives no line for an issue in a migrated value, whose paths may not be in the text', () => {
    const state = readGlobalConfigFile('discovery:\n  auto_load: maybe\n', [(value) => ({ ...value })])
    expect(state.errors).toEqual([{ message: 'discovery.auto_load: must be true or false' }])
  })
})
