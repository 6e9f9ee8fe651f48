// Python's json.loads / json.dumps(indent=2, ensure_ascii=False), keeping Python's types:
// JSON integers become bigint (int), other numbers number (float), objects Map (dict).
import { JsonDecodeError } from './errors.js'
import { floatRepr } from './floatRepr.js'

const numberPattern = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y
const whitespacePattern = /[ \t\n\r]*/y
const simpleEscapes = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
/** @type {Array<[string, unknown]>} */
const literals = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
]

class JsonParser {
  constructor(text) {
    this.text = text
    this.position = 0
  }

  fail(what) {
    throw new JsonDecodeError(`${what}: char ${this.position}`)
  }

  skipWhitespace() {
    whitespacePattern.lastIndex = this.position
    whitespacePattern.test(this.text)
    this.position = whitespacePattern.lastIndex
  }

  value() {
    const char = this.text[this.position]
    if (char === '"') return this.string()
    if (char === '{') return this.object()
    if (char === '[') return this.array()
    for (const [word, value] of literals) {
      if (this.text.startsWith(word, this.position)) {
        this.position += word.length
        return value
      }
    }
    numberPattern.lastIndex = this.position
    const match = numberPattern.exec(this.text)
    if (!match) this.fail('Expecting value')
    this.position = numberPattern.lastIndex
    return match[1] === undefined && match[2] === undefined ? BigInt(match[0]) : Number(match[0])
  }

  string() {
    let result = ''
    let position = this.position + 1
    for (;;) {
      const char = this.text[position]
      if (char === undefined) {
        this.fail('Unterminated string starting at')
      } else if (char === '"') {
        this.position = position + 1
        return result
      } else if (char === '\\') {
        const escape = this.text[position + 1]
        if (escape === 'u') {
          const hex = this.text.slice(position + 2, position + 6)
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\uXXXX escape')
          result += String.fromCharCode(parseInt(hex, 16))
          position += 6
        } else if (escape !== undefined && Object.hasOwn(simpleEscapes, escape)) {
          result += simpleEscapes[escape]
          position += 2
        } else {
          this.fail('Invalid \\escape')
        }
      } else if (char < ' ') {
        this.fail('Invalid control character at')
      } else {
        result += char
        position += 1
      }
    }
  }

  object() {
    const entries = new Map()
    this.position += 1
    this.skipWhitespace()
    if (this.text[this.position] === '}') {
      this.position += 1
      return entries
    }
    for (;;) {
      if (this.text[this.position] !== '"') this.fail('Expecting property name enclosed in double quotes')
      const key = this.string()
      this.skipWhitespace()
      if (this.text[this.position] !== ':') this.fail("Expecting ':' delimiter")
      this.position += 1
      this.skipWhitespace()
      entries.set(key, this.value())
      this.skipWhitespace()
      const delimiter = this.text[this.position]
      this.position += 1
      if (delimiter === '}') return entries
      if (delimiter !== ',') this.fail("Expecting ',' delimiter")
      this.skipWhitespace()
    }
  }

  array() {
    const items = []
    this.position += 1
    this.skipWhitespace()
    if (this.text[this.position] === ']') {
      this.position += 1
      return items
    }
    for (;;) {
      this.skipWhitespace()
      items.push(this.value())
      this.skipWhitespace()
      const delimiter = this.text[this.position]
      this.position += 1
      if (delimiter === ']') return items
      if (delimiter !== ',') this.fail("Expecting ',' delimiter")
    }
  }
}

/** Python `json.loads(text)`; throws JsonDecodeError. */
export function parsePyJson(text) {
  const parser = new JsonParser(text)
  parser.skipWhitespace()
  const value = parser.value()
  parser.skipWhitespace()
  if (parser.position !== text.length) parser.fail('Extra data')
  return value
}

const stringEscapes = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' }

const needsEscape = /["\\\x00-\x1f]/

function encodeString(text) {
  if (!needsEscape.test(text)) return `"${text}"`
  const escaped = text.replace(/["\\\x00-\x1f]/g, (char) => stringEscapes[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return `"${escaped}"`
}

function encodeFloat(value) {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return 'Infinity'
  if (value === -Infinity) return '-Infinity'
  return floatRepr(value)
}

const lineIndents = ['\n']

/** A line break and the indentation of `depth` levels. */
function lineIndent(depth) {
  for (let known = lineIndents.length; known <= depth; known++) lineIndents.push(`${lineIndents[known - 1]}  `)
  return lineIndents[depth]
}

function encode(value, depth) {
  if (value === null) return 'null'
  if (value === true) return 'true'
  if (value === false) return 'false'
  if (typeof value === 'number') return encodeFloat(value)
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'string') return encodeString(value)
  const inner = lineIndent(depth + 1)
  const outer = lineIndent(depth)
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    return `[${inner}${value.map((item) => encode(item, depth + 1)).join(`,${inner}`)}${outer}]`
  }
  if (value.size === 0) return '{}'
  // forEach, not for…of: iterating a Map's entries makes an array per member.
  const members = []
  value.forEach((member, key) => members.push(`${encodeString(key)}: ${encode(member, depth + 1)}`))
  return `{${inner}${members.join(`,${inner}`)}${outer}}`
}

/** Python `json.dumps(value, indent=2, ensure_ascii=False)` for a Map (dict) or other value. */
export function dumpPyJson(value) {
  return encode(value, 0)
}
