import { readdirSync, readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { parseManifest } from '../../support/schemaCheckedParse'

const REGISTRIES = [
  'public/registry.json',
  ...readdirSync('e2e/fixtures')
    .filter((name) => name.endsWith('.json'))
    .map((name) => `e2e/fixtures/${name}`),
]

test.each(REGISTRIES)('%s: the schema and the parser agree', (path) => {
  parseManifest(readFileSync(path, 'utf8'), 'https://registry.example/registry.json')
})

test('the bundled registry names its schema, and the schema is served beside it', () => {
  expect(JSON.parse(readFileSync('public/registry.json', 'utf8')).$schema).toBe('./registry.schema.json')
  expect(JSON.parse(readFileSync('public/registry.schema.json', 'utf8')).$schema).toBe('https://json-schema.org/draft/2020-12/schema')
})
