// Threshold checks: a violation per case and metric whose value exceeds threshold_<metric>.
import { PyAttributeError, PyTypeError, PyValueError } from '../python/errors.js'
import { parsePyFloat } from '../python/float.js'
import { floatRepr } from '../python/floatRepr.js'
import { greaterThan } from '../python/operators.js'
import { pyStr } from '../python/repr.js'

const CHECKED_METRICS = ['p95', 'p99', 'throughput_rps']

/** `{r.case_id: r for r in results}`; a None result (an unreadable cache entry) has no case_id. */
function resultsByCaseId(results) {
  const byId = new Map()
  for (const result of results) {
    if (result === null) throw new PyAttributeError("'NoneType' object has no attribute 'case_id'")
    byId.set(result.case_id, result)
  }
  return byId
}

/**
 * The number of violations. Thresholds Python's float() rejects, and values that do not
 * compare with a float (text, lists), are skipped; `onViolation(line)` gets the verbose line.
 */
export function countViolations(cases, results, onViolation) {
  const byId = resultsByCaseId(results)
  let violations = 0
  for (const caseRow of cases) {
    const result = byId.get(caseRow.get('case_id'))
    if (!result) continue
    for (const metric of CHECKED_METRICS) {
      const thresholdText = caseRow.get(`threshold_${metric}`)
      if (!thresholdText) continue
      try {
        const threshold = parsePyFloat(thresholdText)
        const actual = result[metric]
        if (actual !== null && greaterThan(actual, threshold)) {
          violations += 1
          const comparison = `${metric}=${pyStr(actual)} > ${floatRepr(threshold)}`
          onViolation(`⚠️  Threshold violation: ${caseRow.get('case_id')} ${comparison}`)
        }
      } catch (error) {
        if (!(error instanceof PyValueError || error instanceof PyTypeError)) throw error
      }
    }
  }
  return violations
}
