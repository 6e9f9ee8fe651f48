import Ajv2020 from 'ajv/dist/2020'
import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import { parseManifest as parseManifestOnly } from '../../src/core/manifest/parseManifest'
import type { ParsedManifest } from '../../src/core/manifest/types'

const schema = JSON.parse(readFileSync('public/registry.schema.json', 'utf8'))
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema)

/** Whether the published JSON Schema accepts `text`; undefined when it is not JSON at all. */
export function schemaAccepts(text: string): boolean | undefined {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch {
    return undefined
  }
  return validate(document)
}

/**
 * The parser, checked against the schema on every call: a manifest the parser takes without a problem is one the
 * schema accepts, and the other way round. The parser's tests use this in place of the parser.
 */
export function parseManifest(text: string, manifestUrl: string, finalUrl?: string): ParsedManifest {
  const parsed = parseManifestOnly(text, manifestUrl, finalUrl)
  const accepted = schemaAccepts(text)
  if (accepted !== undefined) {
    expect(accepted, `the schema ${accepted ? 'accepts' : 'refuses'} ${text.slice(0, 300)}: parser problems ${JSON.stringify(parsed.problems)}`).toBe(
      parsed.problems.length === 0,
    )
  }
  return parsed
}
