// Ids that must be unique within their list, and references that must name an existing id.

import { listOf, valueAt } from '../data-access.js'
import { formatPath } from '../json-path.js'

const ID_LISTS = [['areas'], ['tables'], ['menu', 'categories'], ['menu', 'items']]

const REFERENCES = [
  { list: ['tables'], key: 'area', target: ['areas'], noun: 'area' },
  { list: ['menu', 'items'], key: 'category', target: ['menu', 'categories'], noun: 'category' },
]

export function checkDuplicateIds(config, report) {
  for (const list of ID_LISTS) {
    const firstUse = new Map()
    listOf(valueAt(config, list)).forEach((entry, index) => {
      const id = entry?.id
      if (typeof id !== 'string') return
      if (firstUse.has(id)) {
        report.error([...list, index, 'id'], `duplicate id ${JSON.stringify(id)}; already used by ${formatPath(firstUse.get(id))}`)
      } else {
        firstUse.set(id, [...list, index])
      }
    })
  }
}

export function checkReferences(config, report) {
  for (const { list, key, target, noun } of REFERENCES) {
    const known = listOf(valueAt(config, target))
      .map((entry) => entry?.id)
      .filter((id) => typeof id === 'string')
    listOf(valueAt(config, list)).forEach((entry, index) => {
      const reference = entry?.[key]
      if (typeof reference !== 'string' || known.includes(reference)) return
      const expected = known.length > 0 ? `expected one of: ${known.join(', ')}` : `${formatPath(target)} defines none`
      report.error([...list, index, key], `unknown ${noun} ${JSON.stringify(reference)}; ${expected}`)
    })
  }
}
