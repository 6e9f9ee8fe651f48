/**
 * The header fields of a wheel's `*.dist-info/METADATA` (the email-header format of the core metadata
 * spec), by lower-cased name; the first occurrence of a field wins and the body after the blank line is skipped.
 */
export function parseWheelMetadata(text: string): Map<string, string> {
  const fields = new Map<string, string>()
  let last: string | undefined
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break
    if (/^[ \t]/.test(line)) {
      if (last !== undefined && fields.get(last) !== undefined) fields.set(last, `${fields.get(last)}\n${line.trim()}`)
      continue
    }
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    last = fields.has(name) ? undefined : name
    if (last !== undefined) fields.set(name, line.slice(colon + 1).trim())
  }
  return fields
}
