// Python's csv module, excel dialect: the reader state machine of _csv.c fed with the lines
// of a file opened with newline='', csv.DictReader on top of it, and the writer's
// QUOTE_MINIMAL quoting with '\r\n' line endings.
import { CsvError } from './errors.js'

const FIELD_SIZE_LIMIT = 131072
const END_OF_LINE = null

const START_RECORD = 0
const START_FIELD = 1
const IN_FIELD = 2
const IN_QUOTED_FIELD = 3
const QUOTE_IN_QUOTED_FIELD = 4
const EAT_CRNL = 5

/** The lines of a text file opened with newline='': each keeps its '\n', '\r' or '\r\n'. */
function* fileLines(text) {
  const lineEnd = /\r\n|\r|\n/g
  let start = 0
  for (const match of text.matchAll(lineEnd)) {
    const end = match.index + match[0].length
    yield text.slice(start, end)
    start = end
  }
  if (start < text.length) yield text.slice(start)
}

function withoutLineEnd(line) {
  const last = line.charCodeAt(line.length - 1)
  if (last === 0x0d) return line.slice(0, -1)
  if (last !== 0x0a) return line
  return line.slice(0, line.charCodeAt(line.length - 2) === 0x0d ? -2 : -1)
}

/**
 * `csv.reader(file)`: every record, as arrays of strings ([] for a blank line).
 * @returns {Generator<string[], void, void>}
 */
export function* readCsvRecords(text) {
  let state = START_RECORD
  let fields = []
  let field = ''

  const saveField = () => {
    fields.push(field)
    field = ''
  }
  const addChar = (char) => {
    if (field.length >= FIELD_SIZE_LIMIT) throw new CsvError(`field larger than field limit (${FIELD_SIZE_LIMIT})`)
    field += char
  }
  const endOfLine = (char) => (char === END_OF_LINE ? START_RECORD : EAT_CRNL)
  const isLineBreak = (char) => char === '\n' || char === '\r' || char === END_OF_LINE

  const processChar = (char) => {
    switch (state) {
      case START_RECORD:
        if (char === END_OF_LINE) return
        if (char === '\n' || char === '\r') {
          state = EAT_CRNL
          return
        }
        state = START_FIELD
      // falls through: a normal character starts the first field
      case START_FIELD:
        if (isLineBreak(char)) {
          saveField()
          state = endOfLine(char)
        } else if (char === '"') {
          state = IN_QUOTED_FIELD
        } else if (char === ',') {
          saveField()
        } else {
          addChar(char)
          state = IN_FIELD
        }
        return
      case IN_FIELD:
        if (isLineBreak(char)) {
          saveField()
          state = endOfLine(char)
        } else if (char === ',') {
          saveField()
          state = START_FIELD
        } else {
          addChar(char)
        }
        return
      case IN_QUOTED_FIELD:
        if (char === END_OF_LINE) return
        if (char === '"') state = QUOTE_IN_QUOTED_FIELD
        else addChar(char)
        return
      case QUOTE_IN_QUOTED_FIELD:
        if (char === '"') {
          addChar(char)
          state = IN_QUOTED_FIELD
        } else if (char === ',') {
          saveField()
          state = START_FIELD
        } else if (isLineBreak(char)) {
          saveField()
          state = endOfLine(char)
        } else {
          // Not strict: text after a closing quote joins the field (`"ab"c` → `abc`).
          addChar(char)
          state = IN_FIELD
        }
        return
      case EAT_CRNL:
        if (char === END_OF_LINE) state = START_RECORD
        else if (char !== '\n' && char !== '\r') {
          throw new CsvError("new-line character seen in unquoted field - do you need to open the file with newline=''?")
        }
        return
    }
  }

  for (const line of fileLines(text)) {
    // A line that starts a record and holds no quote is its text up to the line end, split at commas.
    if (state === START_RECORD && line.length <= FIELD_SIZE_LIMIT && !line.includes('"')) {
      const body = withoutLineEnd(line)
      yield body === '' ? [] : body.split(',')
      continue
    }
    for (const char of line) processChar(char)
    processChar(END_OF_LINE)
    if (state === START_RECORD) {
      yield fields
      fields = []
    }
  }
  // At the end of the data an open quoted field (or a partial one) still makes a record.
  if (field.length > 0 || state === IN_QUOTED_FIELD) {
    saveField()
    yield fields
  }
}

/**
 * `csv.DictReader(file)`: rows as Maps in header order. A short row gives its missing
 * trailing columns null (Python None); a long row puts its extra cells under the key null
 * (restkey None). Blank lines are skipped; a repeated header name keeps the last value.
 */
export function readCsvDicts(text) {
  const records = readCsvRecords(text)
  const first = records.next()
  if (first.done) return []
  const fieldNames = /** @type {string[]} */ (first.value)
  const rows = []
  for (const record of records) {
    if (record.length === 0) continue
    const row = new Map()
    fieldNames.forEach((name, index) => row.set(name, index < record.length ? record[index] : null))
    if (record.length > fieldNames.length) row.set(null, record.slice(fieldNames.length))
    rows.push(row)
  }
  return rows
}

/** One row as Python's csv.writer writes it (QUOTE_MINIMAL, '\r\n'); cells are already text. */
export function csvRow(cells) {
  return cells.map(quoteCell).join(',') + '\r\n'
}

function quoteCell(cell) {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell
}
