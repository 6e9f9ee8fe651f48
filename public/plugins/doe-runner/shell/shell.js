// The built-in /bin/sh that runs the shell backend's commands (a browser has no processes).
import { commands, ShellExit } from './commands.js'
import { OutputStream } from './output.js'
import { completeCommands, LAST_STATUS, ShellSyntaxError } from './parser.js'

export const SHELL_NAME = '/bin/sh'

/**
 * Runs `script` like `/bin/sh -c script`. `limits` ({ deadline, signal }) end sleeps early.
 * Resolves to { stdout, stderr, exitCode }; reading output that is not valid UTF-8 throws a
 * TypeError, as Python's text-mode capture raises UnicodeDecodeError.
 */
export async function runShell(script, limits = {}) {
  const stdout = new OutputStream()
  const stderr = new OutputStream()
  let status = 0

  const partText = (part) => (part === LAST_STATUS ? String(status) : part)
  const wordText = (parts) => (parts.length === 1 ? partText(parts[0]) : parts.map(partText).join(''))
  // A command's status, or a promise of it for the commands that wait (awaiting every status would
  // cost a turn of the microtask queue per command).
  const runSimpleCommand = ({ line, words }) => {
    const name = wordText(words[0])
    const args = words.slice(1).map(wordText)
    if (!Object.hasOwn(commands, name)) {
      stderr.write(`${SHELL_NAME}: ${line}: ${name}: ${name === '' ? 'Permission denied' : 'not found'}\n`)
      return 127
    }
    const io = {
      stdout,
      stderr,
      limits,
      lastStatus: status,
      warn: (message) => stderr.write(`${SHELL_NAME}: ${line}: ${name}: ${message}\n`),
    }
    return commands[name](args, io)
  }

  try {
    const commandsOfScript = completeCommands(script)
    for (let list = commandsOfScript.next(); list !== null; list = commandsOfScript.next()) {
      for (const { first, rest } of list) {
        const firstStatus = runSimpleCommand(first)
        status = typeof firstStatus === 'number' ? firstStatus : await firstStatus
        for (const { operator, command } of rest) {
          if ((operator === '&&') !== (status === 0)) continue
          const nextStatus = runSimpleCommand(command)
          status = typeof nextStatus === 'number' ? nextStatus : await nextStatus
        }
      }
    }
  } catch (error) {
    if (error instanceof ShellSyntaxError) {
      stderr.write(`${SHELL_NAME}: ${error.line}: ${error.message}\n`)
      status = 2
    } else if (error instanceof ShellExit) {
      status = error.status
    } else {
      throw error
    }
  }
  return { stdout: stdout.text(), stderr: stderr.text(), exitCode: status }
}
