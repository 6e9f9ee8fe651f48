// Schema and semantic validation of parsed configuration data, as `{valid, errors, warnings}`.

import { restaurantSchema } from '../schema.js'
import { formatPath } from './json-path.js'
import { walkSchema } from './schema-walker.js'
import { runSemanticChecks } from './semantic-checks.js'

/**
 * Each issue is `{path, message, line?}`, sorted by line. `strict` makes unknown keys errors instead of
 * warnings. A path gets at most one error: when the schema already rejects a value, the semantic checks
 * say nothing more about it.
 * @param {unknown} data
 * @param {{ strict: boolean, lineOf?: (segments: Array<string | number>) => number | undefined }} options
 */
export function validateConfigData(data, { strict, lineOf = () => undefined }) {
  const errors = []
  const warnings = []
  const issue = (segments, message) => {
    const line = lineOf(segments)
    return line === undefined ? { path: formatPath(segments), message } : { path: formatPath(segments), message, line }
  }
  walkSchema(data, restaurantSchema, {
    error: (segments, message) => errors.push(issue(segments, message)),
    unknownKey: (segments, message) => (strict ? errors : warnings).push(issue(segments, message)),
  })
  const pathsWithSchemaErrors = new Set(errors.map((error) => error.path))
  runSemanticChecks(data, {
    error: (segments, message) => {
      if (!pathsWithSchemaErrors.has(formatPath(segments))) errors.push(issue(segments, message))
    },
  })
  return { valid: errors.length === 0, errors: byLine(errors), warnings: byLine(warnings) }
}

/** `menu.items[3].price (line 57): must be >= 0` */
export function describeIssue(issue) {
  const where = issue.line === undefined ? '' : ` (line ${issue.line})`
  return `${issue.path || '(top level)'}${where}: ${issue.message}`
}

function byLine(issues) {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
}
