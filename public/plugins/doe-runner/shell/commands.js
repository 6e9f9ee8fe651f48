// The commands the built-in shell knows: dash's echo, printf, exit, true, false and :, and
// coreutils' sleep. Each is (arguments, io) → exit status (or a promise of one); `io` has the
// output streams, `warn(message)` for dash-style diagnostics, the last status, and the
// time limits that sleep honours.
import { sleep as wait } from '../timing.js'
import { strtod, strtoint } from './cNumbers.js'
import { expandEchoEscapes } from './escapes.js'
import { printf } from './printf.js'

/** Thrown to end the whole script with `status`, as `exit` and fatal shell errors do. */
export class ShellExit extends Error {
  constructor(status) {
    super(`exit ${status}`)
    this.status = status
  }
}

function echo(args, io) {
  const newline = args[0] !== '-n'
  const words = newline ? args : args.slice(1)
  for (let index = 0; index < words.length; index++) {
    const { chunks, stopped } = expandEchoEscapes(words[index])
    io.stdout.writeAll(chunks)
    if (stopped) return 0
    if (index < words.length - 1) io.stdout.write(' ')
  }
  if (newline) io.stdout.write('\n')
  return 0
}

function exit(args, io) {
  if (args.length === 0) throw new ShellExit(io.lastStatus)
  const { value, rest, outOfRange } = strtoint(args[0], { base: 10 })
  if (args[0] === '' || rest !== '' || outOfRange || value < 0n || value > 2147483647n) {
    io.warn(`Illegal number: ${args[0]}`)
    throw new ShellExit(2)
  }
  throw new ShellExit(Number(value) & 0xff)
}

const SLEEP_UNITS = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }
const SLEEP_USAGE_HINT = "Try 'sleep --help' for more information.\n"

function sleepSeconds(operand) {
  const { value, rest } = strtod(operand)
  const converted = rest !== operand
  if (!converted || !Object.hasOwn(SLEEP_UNITS, rest) || !(value >= 0)) return null
  return value * SLEEP_UNITS[rest]
}

async function sleep(args, io) {
  const operands = args.filter((arg) => arg !== '--')
  const option = operands.find((arg) => arg.length > 1 && arg.startsWith('-'))
  if (option !== undefined) {
    io.stderr.write(`sleep: invalid option -- '${option[1]}'\n${SLEEP_USAGE_HINT}`)
    return 1
  }
  if (operands.length === 0) {
    io.stderr.write(`sleep: missing operand\n${SLEEP_USAGE_HINT}`)
    return 1
  }
  const seconds = operands.map(sleepSeconds)
  const invalid = operands.filter((_, index) => seconds[index] === null)
  if (invalid.length > 0) {
    for (const operand of invalid) io.stderr.write(`sleep: invalid time interval ‘${operand}’\n`)
    io.stderr.write(SLEEP_USAGE_HINT)
    return 1
  }
  await wait(
    seconds.reduce((sum, value) => sum + value, 0),
    io.limits,
  )
  return 0
}

export const commands = {
  echo,
  printf,
  exit,
  sleep,
  true: () => 0,
  false: () => 1,
  ':': () => 0,
}
