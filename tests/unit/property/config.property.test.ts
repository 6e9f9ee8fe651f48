import fc from 'fast-check'
import { stringify } from 'yaml'
import { expect, test } from 'vitest'
import { readGlobalConfigFile, readPluginConfigFile } from '../../../src/core/config/fileState'

const configLike = fc.oneof(
  fc.string(),
  fc.jsonValue().map((value) => stringify(value)),
  fc
    .record(
      {
        plugins: fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())),
        discovery: fc.oneof(
          fc.jsonValue(),
          fc.record({ auto_load: fc.jsonValue(), plugin_paths: fc.jsonValue(), trusted_sources: fc.jsonValue() }, { requiredKeys: [] }),
        ),
        layout_version: fc.jsonValue(),
      },
      { requiredKeys: [] },
    )
    .map((value) => stringify(value)),
)

test('any config.yaml text is read without a throw into a usable configuration, its problems located', () => {
  fc.assert(
    fc.property(configLike, (text) => {
      const file = readGlobalConfigFile(text)
      expect(typeof file.value.discovery.auto_load).toBe('boolean')
      expect(file.value.discovery.plugin_paths.every((path) => typeof path === 'string')).toBe(true)
      expect(file.value.discovery.trusted_sources.every((origin) => typeof origin === 'string')).toBe(true)
      expect(file.text).toBe(text)
      for (const issue of [...file.errors, ...file.warnings]) {
        expect(issue.message.length).toBeGreaterThan(0)
        if (issue.line !== undefined) expect(issue.line).toBeGreaterThanOrEqual(1)
      }
      const plugin = readPluginConfigFile('doe_runner', text)
      expect(plugin.text).toBe(text)
    }),
    { numRuns: 1_000 },
  )
})
