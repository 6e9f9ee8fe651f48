import { describe, expect, it } from 'vitest'
import { readCommandHelp, unknownArgumentWarning } from '../../../src/core/commandHelp'
import { exitCodeNote, formatRunStart, runStatus } from '../../../src/core/runStatus'

const greet = {
  description: 'Says hello',
  arguments: { who: { description: 'Whom to greet', required: false, default: 'world', example: 'Ada' } },
  example: { who: 'Ada' },
}

describe('readCommandHelp', () => {
  it('keeps well-formed help, with required false when left out', () => {
    const reading = readCommandHelp({ greet, count: { description: 'Counts', arguments: { to: { description: 'Last number' } } } }, ['greet', 'count'])
    expect(reading).toEqual({
      help: {
        greet,
        count: { description: 'Counts', arguments: { to: { description: 'Last number', required: false } } },
      },
      notes: [],
    })
  })

  it('is empty without help', () => {
    expect(readCommandHelp(undefined, ['greet'])).toEqual({ help: {}, notes: [] })
  })

  it.each([
    ['a list', ['greet'], 'get_info().commands was ignored: it is not an object'],
    ['an unknown command', { ghost: greet }, 'get_info().commands.ghost was ignored: not a command of this plugin'],
    ['help that is text', { greet: 'says hello' }, 'get_info().commands.greet was ignored: it is not an object'],
    ['no description', { greet: { arguments: {} } }, 'get_info().commands.greet was ignored: description is not text'],
    ['arguments as a list', { greet: { description: 'd', arguments: ['who'] } }, 'get_info().commands.greet was ignored: arguments is not an object'],
    ['an argument without description', { greet: { description: 'd', arguments: { who: {} } } }, 'get_info().commands.greet was ignored: arguments.who.description is not text'],
    ['required as text', { greet: { description: 'd', arguments: { who: { description: 'w', required: 'yes' } } } }, 'get_info().commands.greet was ignored: arguments.who.required is not true or false'],
    ['an example that is text', { greet: { description: 'd', example: 'who: Ada' } }, 'get_info().commands.greet was ignored: example is not an object of arguments'],
  ])('ignores %s with a note and keeps the rest', (_, commands, note) => {
    const reading = readCommandHelp(Array.isArray(commands) ? commands : { ...commands, count: { description: 'Counts' } }, ['greet', 'count'])
    expect(reading.notes).toEqual([note])
    expect(reading.help).toEqual(Array.isArray(commands) ? {} : { count: { description: 'Counts', arguments: {} } })
  })
})

describe('unknownArgumentWarning', () => {
  const help = { description: 'd', arguments: { config_path: { description: 'c', required: true }, strict: { description: 's', required: false } } }

  it('names the unknown arguments and the known ones', () => {
    expect(unknownArgumentWarning('validate_config', help, { config_path: 'a.yaml', strictt: false })).toBe(
      'validate_config does not declare the argument strictt: it takes config_path, strict',
    )
    expect(unknownArgumentWarning('get_schema', { description: 'd', arguments: {} }, { a: 1, b: 2 })).toBe(
      'get_schema does not declare the arguments a, b: it takes no arguments',
    )
  })

  it('says nothing for declared arguments or a command without help', () => {
    expect(unknownArgumentWarning('validate_config', help, { config_path: 'a.yaml', strict: true })).toBeUndefined()
    expect(unknownArgumentWarning('greet', undefined, { anything: 1 })).toBeUndefined()
  })
})

describe('run status and exit codes', () => {
  it('tells a cancelled run from a failed one', () => {
    expect(runStatus(undefined, false)).toBe('running')
    expect(runStatus({ status: 'success' }, false)).toBe('success')
    expect(runStatus({ status: 'error', message: 'Plugin execution cancelled' }, true)).toBe('cancelled')
    expect(runStatus({ status: 'error', message: 'Plugin execution timed out after 5 ms' }, false)).toBe('failed')
  })

  it('gives the meaning of an exit code other than 0 from get_info().exit_codes', () => {
    const codes = { 0: 'All cases executed successfully', 3: 'Execution or configuration error' }
    expect(exitCodeNote({ status: 'success', exit_code: 3 }, codes)).toBe('exit code 3: Execution or configuration error')
    expect(exitCodeNote({ status: 'success', exit_code: 5 }, codes)).toBe('exit code 5')
    expect(exitCodeNote({ status: 'success', exit_code: 2 }, undefined)).toBe('exit code 2')
    expect(exitCodeNote({ status: 'success', exit_code: 0 }, codes)).toBeUndefined()
    expect(exitCodeNote({ status: 'success' }, codes)).toBeUndefined()
  })
})

describe('formatRunStart', () => {
  it('gives the time for a run of today and the date too for an older one', () => {
    const now = new Date(2026, 11, 3, 12, 30, 0).getTime()
    expect(formatRunStart(new Date(2026, 11, 3, 9, 5, 7).getTime(), now)).toBe('09:05:07')
    expect(formatRunStart(new Date(2026, 11, 2, 23, 59, 1).getTime(), now)).toBe('2 Dec 2026, 23:59:01')
  })
})
