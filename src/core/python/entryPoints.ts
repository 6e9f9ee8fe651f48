/** One `name = value` line of an entry_points.txt. */
export interface EntryPointLine {
  group: string
  name: string
  value: string
  line: number
}

export class EntryPointsError extends Error {}

/**
 * Reads a wheel's `*.dist-info/entry_points.txt`, the INI-like file `importlib.metadata` reads:
 * `[group]` headers, `name = value` lines, blank lines and `#` or `;` comments.
 */
export function parseEntryPoints(text: string): EntryPointLine[] {
  const entries: EntryPointLine[] = []
  let group: string | undefined
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1
    const content = raw.trim()
    if (content === '' || content.startsWith('#') || content.startsWith(';')) return
    if (content.startsWith('[')) {
      if (!content.endsWith(']')) throw new EntryPointsError(`entry_points.txt line ${line}: unclosed group header ${JSON.stringify(content)}`)
      group = content.slice(1, -1).trim()
      return
    }
    const equals = content.indexOf('=')
    if (equals < 0) throw new EntryPointsError(`entry_points.txt line ${line}: ${JSON.stringify(content)} is not "name = object reference"`)
    if (group === undefined) throw new EntryPointsError(`entry_points.txt line ${line}: an entry before any [group] header`)
    entries.push({ group, name: content.slice(0, equals).trim(), value: content.slice(equals + 1).trim(), line })
  })
  return entries
}

// `importlib.metadata.EntryPoint`'s pattern: `package.module`, then `:attr.path`, then `[extras]`, all optional but the module.
const OBJECT_REFERENCE = /^[\w.]+\s*(:\s*[\w.]+\s*)?(\[.*\]\s*)?$/u

/** Whether `value` is an object reference Python can load (`package.module:Attr`). */
export function isObjectReference(value: string): boolean {
  return OBJECT_REFERENCE.test(value)
}
