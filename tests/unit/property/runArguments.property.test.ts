import fc from 'fast-check'
import { stringify } from 'yaml'
import { expect, test } from 'vitest'
import { parseRunArguments } from '../../../src/core/runArguments'

const yamlLike = fc.oneof(
  fc.string(),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.jsonValue().map((value) => stringify(value)),
  fc
    .array(fc.constantFrom('a: 1', '  b: [', '- x', '&a [*a]', '*b', '? c', '__proto__: {}', ': :', '"unclosed', 'k: !!python/object x', '---'), {
      maxLength: 8,
    })
    .map((lines) => lines.join('\n')),
)

test('run arguments never throw; a refusal has a message and, when it points into the text, a line inside it', () => {
  fc.assert(
    fc.property(yamlLike, (text) => {
      const parsed = parseRunArguments(text)
      if (parsed.ok) {
        expect(Object.getPrototypeOf(parsed.kwargs)).toBe(Object.prototype)
        expect(Object.hasOwn(parsed.kwargs, '__proto__')).toBe(false)
        return
      }
      expect(parsed.error).toMatch(/^Invalid arguments( at line \d+, column \d+)?: .+/s)
      const line = /at line (\d+)/.exec(parsed.error)?.[1]
      if (line) expect(Number(line)).toBeLessThanOrEqual(text.split('\n').length + 1)
    }),
    { numRuns: 2_000 },
  )
})
