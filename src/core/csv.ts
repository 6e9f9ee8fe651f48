/**
 * Parses CSV text (RFC 4180): fields separated by `,`, records by CRLF, LF or CR; a field in double quotes
 * may hold commas, line breaks and `""` for a quote. A leading byte-order mark is not part of the data.
 * A final line break does not start another record.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let index = text.startsWith('\uFEFF') ? 1 : 0
  let rowStart = index

  const endField = () => {
    row.push(field)
    field = ''
  }
  const endRow = () => {
    endField()
    rows.push(row)
    row = []
  }

  while (index < text.length) {
    const char = text[index]
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"'
        index += 2
        continue
      }
      if (char === '"') quoted = false
      else field += char
      index += 1
      continue
    }
    if (char === '"' && field === '') quoted = true
    else if (char === ',') endField()
    else if (char === '\r' || char === '\n') {
      endRow()
      if (char === '\r' && text[index + 1] === '\n') index += 1
      rowStart = index + 1
    } else field += char
    index += 1
  }
  if (index > rowStart) endRow()
  return rows
}
