// Loaded when the registry builder checks a manifest: the validator and the schema stay out of the first load.
import Ajv2020 from 'ajv/dist/2020'
import schema from '../../../public/registry.schema.json'
import { childPath } from './jsonPath'

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema)

/** What the published JSON Schema finds wrong with `manifest`, each with its JSON path, once each. */
export function schemaIssues(manifest: unknown): Array<{ path: string; message: string }> {
  if (validate(manifest)) return []
  const issues = new Map<string, { path: string; message: string }>()
  for (const error of validate.errors ?? []) {
    const path = error.instancePath
      .split('/')
      .slice(1)
      .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((parent, segment) => (/^\d+$/.test(segment) ? `${parent}[${segment}]` : childPath(parent, segment)), '')
    const message = `schema: ${error.message ?? 'is invalid'}`
    issues.set(`${path}\n${message}`, { path, message })
  }
  return [...issues.values()]
}
