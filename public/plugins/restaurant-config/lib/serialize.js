// Configuration data as YAML or JSON text.

import { Document, isScalar, visit } from '../vendor/yaml.js'

export function serializeConfig(data, format) {
  if (format === 'json') return `${JSON.stringify(data, null, 2)}\n`
  const doc = new Document(data)
  // Lists of plain values (hours, allergens, days) read best on one line: [11:30-14:30, 18:00-23:00].
  visit(doc, {
    Seq(_, seq) {
      if (seq.items.every(isScalar)) seq.flow = true
    },
  })
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false })
}
