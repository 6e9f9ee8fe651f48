// dash's printf builtin: format escapes, %% and the conversions b c s d i o u x X e E f F g G
// with the flags -+ #0, field width and precision (numbers or *). The format is reused while
// arguments remain. Numeric arguments are read as C does, with dash's warnings.
import { formatExponentialParts, formatFixedMagnitude } from '../python/decimal.js'
import { strtod, strtoint } from './cNumbers.js'
import { expandEchoEscapes, readEscape } from './escapes.js'
import { chunksToBytes } from './output.js'

const directivePattern = /^%([-+ #0]*)(\*|\d*)(?:\.(\*|\d*))?/

class ArgumentReader {
  constructor(args, warn) {
    this.args = args
    this.index = 0
    this.warn = warn
    this.status = 0
  }

  get remaining() {
    return this.index < this.args.length
  }

  text() {
    return this.remaining ? this.args[this.index++] : ''
  }

  // A leading ' or " gives the value of the next byte, as POSIX asks.
  #number(parse) {
    if (!this.remaining) return null
    const text = this.args[this.index++]
    if (text[0] === "'" || text[0] === '"') return { charCode: chunksToBytes([text.slice(1)])[0] ?? 0 }
    const { value, rest, outOfRange } = parse(text)
    if (rest !== '') {
      this.warn(`${text}: ${rest === text ? 'expected numeric value' : 'not completely converted'}`)
      this.status = 1
    } else if (outOfRange) {
      this.warn(`${text}: Numerical result out of range`)
      this.status = 1
    }
    return { value }
  }

  integer(unsigned = false) {
    const read = this.#number((text) => strtoint(text, { unsigned }))
    if (read === null) return 0n
    return read.charCode === undefined ? read.value : BigInt(read.charCode)
  }

  float() {
    const read = this.#number(strtod)
    if (read === null) return 0
    return read.charCode === undefined ? read.value : read.charCode
  }
}

function pad(text, width, flags, zeroPadAllowed = false) {
  if (text.length >= width) return text
  if (flags.includes('-')) return text.padEnd(width, ' ')
  if (zeroPadAllowed && flags.includes('0')) {
    const signLength = /^([+\- ]|0[xX])?/.exec(text)[0].length
    return text.slice(0, signLength) + '0'.repeat(width - text.length) + text.slice(signLength)
  }
  return text.padStart(width, ' ')
}

function signPrefix(negative, flags) {
  if (negative) return '-'
  if (flags.includes('+')) return '+'
  return flags.includes(' ') ? ' ' : ''
}

function formatInteger(value, conversion, flags, precision) {
  const radix = { o: 8, x: 16, X: 16 }[conversion] ?? 10
  const negative = value < 0n
  let digits = (negative ? -value : value).toString(radix)
  if (conversion === 'X') digits = digits.toUpperCase()
  if (precision !== null) digits = precision === 0 && value === 0n ? '' : digits.padStart(precision, '0')
  if (flags.includes('#') && conversion === 'o' && !digits.startsWith('0')) digits = `0${digits}`
  if (flags.includes('#') && radix === 16 && value !== 0n) digits = (conversion === 'X' ? '0X' : '0x') + digits
  const signed = conversion === 'd' || conversion === 'i'
  return (signed ? signPrefix(negative, flags) : '') + digits
}

function trimZeros(text) {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

function exponential(value, precision, alternate) {
  const { mantissa, exponent } = formatExponentialParts(value, precision)
  const point = alternate && precision === 0 ? '.' : ''
  return `${mantissa}${point}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`
}

function formatFloatMagnitude(value, conversion, flags, precisionOrNull) {
  const alternate = flags.includes('#')
  const precision = precisionOrNull ?? 6
  const kind = conversion.toLowerCase()
  if (kind === 'f') return formatFixedMagnitude(value, precision) + (alternate && precision === 0 ? '.' : '')
  if (kind === 'e') return exponential(value, precision, alternate)
  const significant = precision === 0 ? 1 : precision
  const { exponent } = formatExponentialParts(value, significant - 1)
  const text =
    exponent >= -4 && exponent < significant
      ? formatFixedMagnitude(value, significant - 1 - exponent) + (alternate && significant - 1 - exponent === 0 ? '.' : '')
      : exponential(value, significant - 1, alternate)
  return alternate ? text : text.replace(/^([^e]*)(e.*)?$/, (_, body, exponentPart = '') => trimZeros(body) + exponentPart)
}

function formatFloat(value, conversion, flags, width, precision) {
  const negative = value < 0 || Object.is(value, -0)
  const sign = signPrefix(negative, flags)
  const upper = conversion === conversion.toUpperCase()
  if (!Number.isFinite(value)) {
    const word = Number.isNaN(value) ? 'nan' : 'inf'
    return pad(sign + (upper ? word.toUpperCase() : word), width, flags)
  }
  const body = formatFloatMagnitude(Math.abs(value), conversion, flags, precision)
  return pad(sign + (upper ? body.toUpperCase() : body), width, flags, true)
}

/** Pads or truncates `chunks` the way C's %s counts: in bytes. */
function fitBytes(chunks, width, flags, precision) {
  const simple = chunks.every((chunk) => typeof chunk === 'string' && /^[\x00-\x7f]*$/.test(chunk))
  if (simple) {
    const text = chunks.join('')
    return [pad(precision === null ? text : text.slice(0, precision), width, flags)]
  }
  const bytes = chunksToBytes(chunks).slice(0, precision ?? undefined)
  const padding = ' '.repeat(Math.max(0, width - bytes.length))
  return flags.includes('-') ? [...bytes, padding] : [padding, ...bytes]
}

// One pass over the format. Returns 'stop' when output must end here.
function runFormat(format, reader, io) {
  let index = 0
  while (index < format.length) {
    const char = format[index]
    if (char === '\\') {
      const { byte, length } = readEscape(format, index + 1)
      io.stdout.write(byte)
      index += 1 + length
      continue
    }
    if (char !== '%') {
      const next = format.slice(index).search(/[\\%]/)
      const end = next === -1 ? format.length : index + next
      io.stdout.write(format.slice(index, end))
      index = end
      continue
    }
    if (format[index + 1] === '%') {
      io.stdout.write('%')
      index += 2
      continue
    }
    const [spec, flags, widthText, precisionText] = directivePattern.exec(format.slice(index))
    const conversion = format[index + spec.length]
    if (conversion === undefined) {
      io.warn('missing format character')
      reader.status = 2
      return 'stop'
    }
    index += spec.length + 1
    let width = widthText === '*' ? Number(reader.integer()) : Number(widthText || 0)
    let effectiveFlags = flags
    if (width < 0) {
      effectiveFlags += '-'
      width = -width
    }
    let precision = null
    if (precisionText !== undefined) precision = precisionText === '*' ? Number(reader.integer()) : Number(precisionText || 0)
    if (precision < 0) precision = null
    if (!formatConversion(conversion, reader, io, effectiveFlags, width, precision, spec)) return 'stop'
  }
  return 'done'
}

// Writes one conversion; false when output must stop (\c in %b, or an invalid directive).
function formatConversion(conversion, reader, io, flags, width, precision, spec) {
  switch (conversion) {
    case 's':
      io.stdout.writeAll(fitBytes([reader.text()], width, flags, precision))
      return true
    case 'b': {
      const { chunks, stopped } = expandEchoEscapes(reader.text())
      io.stdout.writeAll(fitBytes(chunks, width, flags, precision))
      return !stopped
    }
    case 'c': {
      const first = reader.remaining ? (chunksToBytes([reader.text()])[0] ?? 0) : 0
      io.stdout.writeAll(fitBytes([first], width, flags, null))
      return true
    }
    case 'd':
    case 'i':
    case 'o':
    case 'u':
    case 'x':
    case 'X': {
      const value = reader.integer(conversion !== 'd' && conversion !== 'i')
      const zeroPadAllowed = precision === null
      io.stdout.write(pad(formatInteger(value, conversion, flags, precision), width, flags, zeroPadAllowed))
      return true
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      io.stdout.write(formatFloat(reader.float(), conversion, flags, width, precision))
      return true
    default:
      io.warn(`${spec}${conversion}: invalid directive`)
      reader.status = 2
      return false
  }
}

/** The printf builtin: (arguments, io) → exit status. */
export function printf(args, io) {
  if (args.length === 0) {
    io.warn('usage: printf format [arg ...]')
    return 2
  }
  const [format, ...rest] = args
  const reader = new ArgumentReader(rest, io.warn)
  do {
    if (runFormat(format, reader, io) === 'stop') break
  } while (reader.index > 0 && reader.remaining)
  return reader.status
}
