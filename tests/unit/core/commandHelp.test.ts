import { describe, expect, it } from 'vitest'
import { readCommandHelp, unknownArgumentWarning } from '../../../src/core/commandHelp'

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
    [
      'an argument without description',
      { greet: { description: 'd', arguments: { who: {} } } },
      'get_info().commands.greet was ignored: arguments.who.description is not text',
    ],
    [
      'required as text',
      { greet: { description: 'd', arguments: { who: { description: 'w', required: 'yes' } } } },
      'get_info().commands.greet was ignored: arguments.who.required is not true or false',
    ],
    [
      'an example that is text',
      { greet: { description: 'd', example: 'who: Ada' } },
      'get_info().commands.greet was ignored: example is not an object of arguments',
    ],
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
