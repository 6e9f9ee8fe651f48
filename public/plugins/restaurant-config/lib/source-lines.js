// Lines of the file that paths into the parsed data come from, read off the YAML document's node ranges.

import { isAlias, isMap, isScalar, isSeq } from '../vendor/yaml.js'

/**
 * A function from a path (segment list) to the 1-based line of that entry: the line of its key in a
 * mapping or of the item in a list. A path that leaves the file (a missing key) gets the line of the
 * deepest entry that exists.
 */
export function lineLookup(doc, lineCounter) {
  return (segments) => {
    let node = doc.contents
    let offset = node?.range?.[0]
    for (const segment of segments) {
      if (isAlias(node)) node = node.resolve(doc)
      if (isMap(node)) {
        const pair = node.items.find((candidate) => isScalar(candidate.key) && String(candidate.key.value) === String(segment))
        if (!pair) break
        offset = pair.key.range?.[0] ?? offset
        node = pair.value
      } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        node = node.items[segment]
        offset = node?.range?.[0] ?? offset
      } else {
        break
      }
    }
    return offset === undefined ? undefined : lineCounter.linePos(offset).line
  }
}
