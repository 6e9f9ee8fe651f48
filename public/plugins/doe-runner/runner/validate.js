// 0.1.0's CaseValidator: the messages, in the order it collects them, over the raw rows.
import { isPyFloat } from '../python/float.js'
import { pyRepr } from '../python/repr.js'

const REQUIRED_COLUMNS = ['case_id', 'backend', 'cmd_template', 'timeout_s']
const BACKENDS = ['shell', 'dummy', 'simroute']
const NUMERIC_COLUMNS = [
  'seed',
  'retries',
  'expected_p95',
  'expected_p99',
  'threshold_p95',
  'threshold_p99',
  'expected_throughput_rps',
  'threshold_throughput_rps',
]
// Python's re.match with `$`, which also matches just before a final newline.
const CASE_ID_PATTERN = /^[a-zA-Z0-9_-]+\n?$/

const isEmpty = (value) => value === undefined || value === null || value === ''

function rowErrors(row, rowNumber) {
  const prefix = `Row ${rowNumber}`
  const errors = []
  for (const column of REQUIRED_COLUMNS) {
    const value = row.get(column)
    if (isEmpty(value)) errors.push(`${prefix}: ${column} cannot be empty`)
    else if (column === 'timeout_s' && !isPyFloat(value)) errors.push(`${prefix}: ${column} must be numeric`)
    else if (column === 'backend' && !BACKENDS.includes(value.toLowerCase())) {
      errors.push(`${prefix}: ${column} must be one of ${pyRepr(BACKENDS)}`)
    }
  }
  const caseId = row.get('case_id')
  if (caseId && !CASE_ID_PATTERN.test(caseId)) errors.push(`${prefix}: case_id contains invalid characters`)
  for (const column of NUMERIC_COLUMNS) {
    const value = row.get(column)
    if (!isEmpty(value) && !isPyFloat(value)) errors.push(`${prefix}: ${column} must be numeric`)
  }
  return errors
}

/** The validation errors of the rows csv.DictReader produced (an empty list when valid). */
export function validateCases(rows) {
  if (rows.length === 0) return ['No cases found']
  const errors = REQUIRED_COLUMNS.filter((column) => !rows[0].has(column)).map((column) => `Missing required column: ${column}`)
  const seenIds = new Set()
  rows.forEach((row, index) => {
    errors.push(...rowErrors(row, index + 1))
    const caseId = row.get('case_id')
    if (caseId) {
      if (seenIds.has(caseId)) errors.push(`Duplicate case_id: ${caseId}`)
      seenIds.add(caseId)
    }
  })
  return errors
}
