import fc from 'fast-check'
import { expect, test } from 'vitest'
import { decodeSharedRun, encodeSharedRun } from '../../../src/core/shareLink'

test('any hash decodes to nothing, a run, or a damaged-link message: never a throw', async () => {
  const hash = fc.oneof(
    fc.string(),
    fc.string().map((text) => `run=${text}`),
    fc.base64String().map((text) => `#run=${text.replaceAll('+', '-').replaceAll('/', '_')}`),
  )
  await fc.assert(
    fc.asyncProperty(hash, async (text) => {
      const decoded = await decodeSharedRun(text)
      if (decoded && !decoded.ok) expect(decoded.error).toMatch(/^This share link is damaged and was ignored \(.+\)$/s)
    }),
    { numRuns: 1_000 },
  )
})

test('every run that fits a link comes back as it went', async () => {
  const run = fc.record({ plugin: fc.string(), command: fc.string(), arguments: fc.string({ unit: 'binary' }) })
  await fc.assert(
    fc.asyncProperty(run, async (original) => {
      const encoded = await encodeSharedRun(original)
      if (!encoded.ok) return
      const decoded = await decodeSharedRun(`#${encoded.hash}`)
      expect(decoded).toMatchObject({ ok: true, run: original })
    }),
    { numRuns: 500 },
  )
})
