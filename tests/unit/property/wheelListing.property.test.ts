import fc from 'fast-check'
import { expect, test } from 'vitest'
import { parseManifest } from '../../../src/core/manifest/parseManifest'
import { addWheelPlugins } from '../../../src/core/manifest/wheelPlugins'

const MANIFEST_URL = 'https://registry.example/r/registry.json'
const manifest = parseManifest(JSON.stringify({ wheels: ['./a-1.0-py3-none-any.whl', './b-1.0-py3-none-any.whl'] }), MANIFEST_URL)

/** entry_points.txt-shaped text: headers, `name = value` lines and noise, in any order. */
const entryPointsLine = fc.oneof(
  fc.constantFrom('[strataregula.plugins]', '[console_scripts]', '[strataregula.plugins', '# comment', '', 'hello = demo.plugin:Hello'),
  fc.tuple(fc.string(), fc.string()).map(([name, value]) => `${name} = ${value}`),
  fc.string(),
)
const entryPointsText = fc.array(entryPointsLine, { maxLength: 12 }).map((lines) => lines.join('\n'))

test('listing the plugins of wheels never throws, and lists only valid, distinct names', () => {
  fc.assert(
    fc.property(entryPointsText, entryPointsText, fc.string(), (first, second, metadata) => {
      const listed = addWheelPlugins(manifest, [
        { ok: true, distInfo: { folder: 'a-1.0.dist-info', metadata, entryPoints: first } },
        { ok: true, distInfo: { folder: 'b-1.0.dist-info', metadata: 'Version: 1.0\n', entryPoints: second } },
      ])
      const names = listed.entries.map((entry) => entry.name)
      for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_.-]+$/)
      expect(new Set(names).size).toBe(names.length)
      for (const problem of listed.problems) {
        expect(problem.manifestUrl).toBe(MANIFEST_URL)
        expect(problem.path).toMatch(/^wheels\[[01]\]$/)
        expect(problem.message.length).toBeGreaterThan(0)
      }
    }),
    { numRuns: 1_000 },
  )
})
