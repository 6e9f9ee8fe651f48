// The language of the built-in /bin/sh, parsed the way dash parses it: one complete command
// (a line, continued after && and ||) at a time, so earlier lines run before a later line's
// syntax error is found.
//
//   complete command:  and-or { ';' and-or } [ ';' ]  ending at a newline or the end
//   and-or:            simple command { ('&&' | '||') newline* simple command }
//   simple command:    word { word }
//
// Words are made of plain characters, \-escapes, '…', "…" and $? (the last exit status).

/** A word part standing for `$?`. */
export const LAST_STATUS = Symbol('$?')

export class ShellSyntaxError extends Error {
  constructor(line, message) {
    super(message)
    this.line = line
  }
}

const unsupportedOperators = {
  '|': 'pipes',
  '&': 'background jobs',
  '<': 'redirections',
  '>': 'redirections',
  '(': 'subshells',
  ')': 'subshells',
}
const reservedWords = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', '{', '}', '!'])
const assignmentPrefix = /^[A-Za-z_][A-Za-z0-9_]*=/
const parameterStart = /[A-Za-z0-9_{@*#$!-]/
// Characters a word takes as they are: none that ends a word, quotes, escapes or expands.
const plainRun = /[^ \t\n;&|<>()\\'"$`]+/y

/** The operator token at `position` ('&&', '||', ';;' or ';'), or null. */
function operatorAt(text, position) {
  const char = text[position]
  const next = text[position + 1]
  if (char === ';') return next === ';' ? ';;' : ';'
  if ((char === '&' || char === '|') && next === char) return char + next
  return null
}

const unsupported = (line, feature) => new ShellSyntaxError(line, `${feature} not supported by the playground shell`)
const unexpected = (token) => new ShellSyntaxError(token.line, `Syntax error: ${token.type === 'eof' ? 'end of file' : `"${token.type}"`} unexpected`)

class Lexer {
  constructor(text) {
    this.text = text
    this.position = 0
    this.line = 1
    this.peeked = null
  }

  peek() {
    this.peeked ??= this.#read()
    return this.peeked
  }

  next() {
    const token = this.peek()
    this.peeked = null
    return token
  }

  #unterminated() {
    for (const char of this.text.slice(this.position)) if (char === '\n') this.line += 1
    return new ShellSyntaxError(this.line, 'Syntax error: Unterminated quoted string')
  }

  #read() {
    const text = this.text
    for (;;) {
      const char = text[this.position]
      if (char === ' ' || char === '\t') this.position += 1
      else if (char === '\\' && text[this.position + 1] === '\n') {
        this.position += 2
        this.line += 1
      } else if (char === '#') {
        while (this.position < text.length && text[this.position] !== '\n') this.position += 1
      } else break
    }
    const line = this.line
    const char = text[this.position]
    if (char === undefined) return { type: 'eof', line }
    if (char === '\n') {
      this.position += 1
      this.line += 1
      return { type: 'newline', line }
    }
    const operator = operatorAt(text, this.position)
    if (operator) {
      this.position += operator.length
      return { type: operator, line }
    }
    if (Object.hasOwn(unsupportedOperators, char)) throw unsupported(line, unsupportedOperators[char])
    return this.#word(line)
  }

  #word(line) {
    const text = this.text
    const parts = []
    let literal = ''
    let plain = true
    let unquotedPrefix = null
    const endPlainPrefix = () => {
      if (plain) unquotedPrefix = literal
      plain = false
    }
    for (;;) {
      const char = text[this.position]
      if (char === undefined || char === ' ' || char === '\t' || char === '\n' || ';&|<>()'.includes(char)) break
      plainRun.lastIndex = this.position
      if (plainRun.test(text)) {
        literal += text.slice(this.position, plainRun.lastIndex)
        this.position = plainRun.lastIndex
      } else if (char === '\\') {
        const escaped = text[this.position + 1]
        if (escaped === '\n') {
          this.position += 2
          this.line += 1
          continue
        }
        endPlainPrefix()
        literal += escaped ?? '\\'
        this.position += escaped === undefined ? 1 : 2
      } else if (char === "'") {
        endPlainPrefix()
        const close = text.indexOf("'", this.position + 1)
        if (close === -1) throw this.#unterminated()
        const quoted = text.slice(this.position + 1, close)
        for (const quotedChar of quoted) if (quotedChar === '\n') this.line += 1
        literal += quoted
        this.position = close + 1
      } else if (char === '"') {
        endPlainPrefix()
        literal = this.#doubleQuoted(parts, literal)
      } else if (char === '$') {
        literal = this.#dollar(parts, literal, endPlainPrefix)
      } else {
        // What plainRun leaves: a backquote.
        throw unsupported(this.line, 'command substitution')
      }
    }
    if (plain) unquotedPrefix = literal
    if (literal || parts.length === 0) parts.push(literal)
    return { type: 'word', line, parts, plain, unquotedPrefix }
  }

  #doubleQuoted(parts, literal) {
    const text = this.text
    this.position += 1
    for (;;) {
      const char = text[this.position]
      if (char === undefined) throw this.#unterminated()
      if (char === '"') {
        this.position += 1
        return literal
      }
      if (char === '\\' && text[this.position + 1] === '\n') {
        this.position += 2
        this.line += 1
      } else if (char === '\\' && '$`"\\'.includes(text[this.position + 1])) {
        literal += text[this.position + 1]
        this.position += 2
      } else if (char === '$') {
        literal = this.#dollar(parts, literal, () => {})
      } else if (char === '`') {
        throw unsupported(this.line, 'command substitution')
      } else {
        if (char === '\n') this.line += 1
        literal += char
        this.position += 1
      }
    }
  }

  // `$?` becomes a LAST_STATUS part; a `$` that starts no expansion is a plain `$`.
  #dollar(parts, literal, endPlainPrefix) {
    const next = this.text[this.position + 1]
    if (next === '?') {
      endPlainPrefix()
      if (literal) parts.push(literal)
      parts.push(LAST_STATUS)
      this.position += 2
      return ''
    }
    if (next === '(') throw unsupported(this.line, 'command substitution')
    if (next !== undefined && parameterStart.test(next)) throw unsupported(this.line, 'parameter expansion')
    this.position += 1
    return literal + '$'
  }
}

function parseSimpleCommand(lexer) {
  const words = []
  while (lexer.peek().type === 'word') words.push(lexer.next())
  if (words.length === 0) throw unexpected(lexer.peek())
  const [first] = words
  if (first.plain && reservedWords.has(first.unquotedPrefix)) throw unsupported(first.line, 'compound commands')
  if (assignmentPrefix.test(first.unquotedPrefix)) throw unsupported(first.line, 'variable assignments')
  return { line: first.line, words: words.map((word) => word.parts) }
}

function parseAndOr(lexer) {
  const first = parseSimpleCommand(lexer)
  const rest = []
  while (lexer.peek().type === '&&' || lexer.peek().type === '||') {
    const operator = lexer.next().type
    while (lexer.peek().type === 'newline') lexer.next()
    rest.push({ operator, command: parseSimpleCommand(lexer) })
  }
  return { first, rest }
}

/**
 * The next complete command of the lexer's script, a list of and-or lists, or null at the end.
 * Throws ShellSyntaxError (with the line) when it cannot be parsed.
 */
function nextCompleteCommand(lexer) {
  while (lexer.peek().type === 'newline') lexer.next()
  if (lexer.peek().type === 'eof') return null
  const list = [parseAndOr(lexer)]
  for (;;) {
    const token = lexer.peek()
    if (token.type === 'eof') return list
    if (token.type === 'newline') {
      lexer.next()
      return list
    }
    if (token.type !== ';') throw unexpected(token)
    lexer.next()
    const after = lexer.peek().type
    if (after === 'eof' || after === 'newline') continue
    list.push(parseAndOr(lexer))
  }
}

/**
 * The complete commands of `script`, parsed one at a time (so earlier ones run before a later syntax
 * error is found): `next()` gives each in turn, then null. Not a generator: every case parses its
 * command, and a generator costs more to resume and to optimise.
 */
export function completeCommands(script) {
  const lexer = new Lexer(script)
  return { next: () => nextCompleteCommand(lexer) }
}
