import fc from 'fast-check'
import { expect, test } from 'vitest'
import { parseManifest } from '../../../src/core/manifest/parseManifest'
import { PLUGIN_GROUP } from '../../../src/core/manifest/types'

const MANIFEST_URL = 'https://registry.example/r/registry.json'

/** Manifest-shaped documents: the right keys with any values, so the parser's deeper checks are reached. */
const entryValue = fc.oneof(
  fc.string(),
  fc.constantFrom('./p.js:Plugin', 'https://x.example:8080/p.js', 'javascript:alert(1)', '../../up.js', 'data:text/javascript,1'),
  fc.record(
    { module: fc.oneof(fc.string(), fc.jsonValue()), export: fc.oneof(fc.string(), fc.jsonValue()), integrity: fc.oneof(fc.string(), fc.jsonValue()) },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
)
const manifestShaped = fc.record(
  {
    name: fc.oneof(fc.string(), fc.jsonValue()),
    description: fc.jsonValue(),
    'entry-points': fc.oneof(fc.jsonValue(), fc.record({ [PLUGIN_GROUP]: fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), entryValue)) })),
    wheels: fc.jsonValue(),
  },
  { requiredKeys: [] },
)
const anyText = fc.oneof(
  fc.string(),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  manifestShaped.map((value) => JSON.stringify(value)),
)

test('the manifest parser never throws, and every problem names the manifest, a JSON path and a reason', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const parsed = parseManifest(text, MANIFEST_URL)
      for (const problem of parsed.problems) {
        expect(problem.manifestUrl).toBe(MANIFEST_URL)
        expect(typeof problem.path).toBe('string')
        expect(problem.message.length).toBeGreaterThan(0)
      }
      for (const entry of parsed.entries) {
        expect(entry.name).toMatch(/^[A-Za-z0-9_.-]+$/)
        if ('moduleUrl' in entry) expect(new URL(entry.moduleUrl).protocol).toMatch(/^https?:$/)
      }
    }),
    { numRuns: 2_000 },
  )
})
