// metrics.csv as 0.1.0 writes it: one row per result with param_<column> copies of the case,
// the union of columns sorted by code point, csv.DictWriter's quoting and '\r\n'.
import { csvRow } from '../python/csv.js'
import { pyStr } from '../python/repr.js'
import { RESULT_FIELDS } from './result.js'

const NOT_COPIED = new Set(['case_id', 'cmd_template', 'backend'])
// No result field starts with it, so a column is a case's copy exactly when it does.
const PARAM_PREFIX = 'param_'

// Python sorts str by code point; JavaScript's default sort compares UTF-16 units.
function byCodePoint(a, b) {
  const left = [...a]
  const right = [...b]
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const difference = left[index].codePointAt(0) - right[index].codePointAt(0)
    if (difference !== 0) return difference
  }
  return left.length - right.length
}

/** What csv.writer writes for a value: '' for None, repr for floats, str() otherwise. */
const csvCell = (value) => (value === null || value === undefined ? '' : pyStr(value))

/** The metrics.csv text for `results`, with params from the first case of each case_id; '' when there are none. */
export function metricsCsv(results, cases) {
  if (results.length === 0) return ''
  const firstCaseById = new Map()
  for (const caseRow of cases) {
    const caseId = caseRow.get('case_id')
    if (!firstCaseById.has(caseId)) firstCaseById.set(caseId, caseRow)
  }
  const columns = new Set(RESULT_FIELDS)
  for (const result of results) {
    firstCaseById.get(result.case_id)?.forEach((_value, key) => {
      if (!NOT_COPIED.has(key)) columns.add(`${PARAM_PREFIX}${key}`)
    })
  }
  const header = [...columns].sort(byCodePoint)
  const lines = [csvRow(header)]
  for (const result of results) {
    const caseRow = firstCaseById.get(result.case_id)
    const cellOf = (column) => (column.startsWith(PARAM_PREFIX) ? caseRow?.get(column.slice(PARAM_PREFIX.length)) : result[column])
    lines.push(csvRow(header.map((column) => csvCell(cellOf(column)))))
  }
  return lines.join('')
}
