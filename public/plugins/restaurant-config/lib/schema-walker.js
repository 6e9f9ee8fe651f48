// Checks a value against the restaurant schema. It understands exactly the JSON Schema keywords the
// schema uses: $ref, type, enum, pattern, format 'date', minLength, minimum, minItems, uniqueItems,
// items, properties, required, additionalProperties: false, dependentRequired, and oneOf whose branches
// only list required keys. Annotations (title, description, examples) are not checked; title names the
// expected form in messages.

import { isCalendarDate } from './calendar.js'
import { isObject } from './data-access.js'
import { resolveSchema } from './schema-refs.js'

const TYPE_WORDS = {
  object: 'an object',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
}

/**
 * Walks `value` in the order of its own keys, calling `report.error(segments, message)` for every
 * violation and `report.unknownKey(segments, message)` for keys the schema does not define.
 */
export function walkSchema(value, rootSchema, report) {
  visit(value, rootSchema, [], { rootSchema, report })
}

function visit(value, schemaOrRef, segments, walk) {
  const schema = resolveSchema(schemaOrRef, walk.rootSchema)
  const fail = (message) => walk.report.error(segments, message)
  if (schema.type && !hasType(value, schema.type)) return fail(`must be ${TYPE_WORDS[schema.type]}`)
  if (schema.enum && !schema.enum.includes(value)) {
    return fail(`unknown ${schema.title ?? 'value'} ${JSON.stringify(value)}; expected one of: ${schema.enum.join(', ')}`)
  }
  if (typeof value === 'string') checkString(value, schema, fail)
  else if (typeof value === 'number') checkNumber(value, schema, fail)
  else if (Array.isArray(value)) checkArray(value, schema, segments, walk)
  else if (isObject(value)) checkObject(value, schema, segments, walk)
}

function hasType(value, type) {
  switch (type) {
    case 'object':
      return isObject(value)
    case 'array':
      return Array.isArray(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'integer':
      return Number.isInteger(value)
    default:
      return typeof value === type
  }
}

function checkString(value, schema, fail) {
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    return fail(schema.minLength === 1 ? 'must not be empty' : `must be at least ${schema.minLength} characters long`)
  }
  const matchesPattern = schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(value)
  const matchesFormat = schema.format !== 'date' || isCalendarDate(value)
  if (!matchesPattern || !matchesFormat) {
    fail(schema.title ? `must be a valid ${schema.title}` : `must match the pattern ${schema.pattern}`)
  }
}

function checkNumber(value, schema, fail) {
  if (schema.minimum !== undefined && value < schema.minimum) fail(`must be >= ${schema.minimum}`)
}

function checkArray(value, schema, segments, walk) {
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    walk.report.error(segments, schema.minItems === 1 ? 'must not be empty' : `must have at least ${schema.minItems} entries`)
  }
  value.forEach((item, index) => {
    if (schema.uniqueItems && value.indexOf(item) < index) {
      walk.report.error([...segments, index], `repeats ${JSON.stringify(item)}`)
    } else if (schema.items) {
      visit(item, schema.items, [...segments, index], walk)
    }
  })
}

function checkObject(value, schema, segments, walk) {
  const properties = schema.properties ?? {}
  for (const [key, child] of Object.entries(value)) {
    if (Object.hasOwn(properties, key)) visit(child, properties[key], [...segments, key], walk)
    else if (schema.additionalProperties === false) {
      walk.report.unknownKey([...segments, key], `unknown key; expected one of: ${Object.keys(properties).join(', ')}`)
    }
  }
  for (const key of schema.required ?? []) {
    if (!Object.hasOwn(value, key)) walk.report.error([...segments, key], 'is required')
  }
  const missingDependents = Object.entries(schema.dependentRequired ?? {})
    .filter(([key]) => Object.hasOwn(value, key))
    .flatMap(([key, needed]) => needed.filter((other) => !Object.hasOwn(value, other)).map((other) => [key, other]))
  for (const [key, other] of missingDependents) walk.report.error([...segments, other], `is required when ${key} is given`)
  // A missing dependent already says what is wrong; the alternatives would only repeat it.
  if (schema.oneOf && missingDependents.length === 0) checkRequiredAlternatives(value, schema.oneOf, segments, walk)
}

function checkRequiredAlternatives(value, branches, segments, walk) {
  const matching = branches.filter((branch) => branch.required.every((key) => Object.hasOwn(value, key)))
  if (matching.length === 1) return
  const forms = branches.map((branch) => branch.required.join(' and ')).join(', or ')
  walk.report.error(segments, matching.length === 0 ? `must have either ${forms}` : `must have only one of: ${forms}`)
}
