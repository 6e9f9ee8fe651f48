// metrics.csv as 0.1.0 writes it: one row per result with param_<column> copies of the case,
// the union of columns sorted by code point, csv.DictWriter's quoting and '\r\n'.
import { csvRow } from '../python/csv.js'
import { pyStr } from '../python/repr.js'
import { RESULT_FIELDS, resultToDict } from './result.js'

const NOT_COPIED = new Set(['case_id', 'cmd_template', 'backend'])

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
  const rows = results.map((result) => {
    const row = resultToDict(result)
    for (const [key, value] of firstCaseById.get(result.case_id) ?? []) {
      if (NOT_COPIED.has(key)) continue
      row.set(`param_${key}`, value)
      columns.add(`param_${key}`)
    }
    return row
  })
  const header = [...columns].sort(byCodePoint)
  return csvRow(header) + rows.map((row) => csvRow(header.map((column) => csvCell(row.get(column))))).join('')
}
