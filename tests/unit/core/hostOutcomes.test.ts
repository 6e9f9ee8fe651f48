import { describe, expect, it } from 'vitest'
import { isCommandResult, loadFailureMessage, outcomes } from '../../../src/core/hostOutcomes'
import { callableCommands, resolveCommand } from '../../../src/core/pluginCommands'

describe('host outcomes', () => {
  it('uses the exact messages of the contract', () => {
    expect(outcomes.notSupported('fly')).toEqual({ status: 'error', message: 'Command fly not supported' })
    expect(outcomes.executionFailed('boom')).toEqual({ status: 'error', message: 'Plugin execution failed: boom' })
    expect(outcomes.invalidResult()).toEqual({ status: 'error', message: 'Plugin returned an invalid result' })
    expect(outcomes.timedOut(250)).toEqual({ status: 'error', message: 'Plugin execution timed out after 250 ms' })
    expect(outcomes.cancelled()).toEqual({ status: 'error', message: 'Plugin execution cancelled' })
    expect(loadFailureMessage('x', 'HTTP 404')).toBe('Failed to load plugin x: HTTP 404')
  })

  it.each([
    [{ status: 'success' }, true],
    [{ status: undefined }, true],
    [{ message: 'no status' }, false],
    [null, false],
    [[{ status: 'success' }], false],
    ['success', false],
    [undefined, false],
  ])('isCommandResult(%j) is %s', (value, expected) => {
    expect(isCommandResult(value)).toBe(expected)
  })
})

describe('callable commands', () => {
  class Base {
    get_info() {
      return {}
    }
    inherited() {}
  }
  class Plugin extends Base {
    health_check() {}
    run() {}
    field = 3
  }

  it('lists own and inherited methods except the host methods and Object.prototype', () => {
    expect(callableCommands(new Plugin(), undefined)).toEqual(['run', 'inherited'])
    expect(callableCommands({ get_info() {}, go() {}, data: 1 }, undefined)).toEqual(['go'])
  })

  it('uses supported_commands when given', () => {
    expect(callableCommands(new Plugin(), ['run', 'missing', 7])).toEqual(['run', 'missing'])
  })

  it('keeps neither host methods, Object.prototype names, non-text names nor repeats from supported_commands', () => {
    const listed = ['run', 'toString', 'get_info', 'health_check', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', null, { name: 'x' }, 'run', 'other']
    expect(callableCommands(new Plugin(), listed)).toEqual(['run', 'other'])
  })

  it('leaves out a plugin’s own methods named like Object.prototype ones', () => {
    class Overrides {
      toString() {
        return 'plugin'
      }
      valueOf() {
        return 1
      }
      go() {}
    }
    expect(callableCommands(new Overrides(), undefined)).toEqual(['go'])
  })

  it('lists a method overridden in a subclass once', () => {
    class Child extends Plugin {
      run() {}
    }
    expect(callableCommands(new Child(), undefined)).toEqual(['run', 'inherited'])
  })

  it.each([
    ['run', true],
    ['missing', false],
    ['toString', false],
    ['constructor', false],
    ['get_info', false],
    ['hasOwnProperty', false],
    ['__proto__', false],
  ])('resolveCommand(%s) is callable: %s', (command, callable) => {
    const plugin = new Plugin()
    const commands = ['run', 'missing', 'toString', 'constructor', 'get_info', 'hasOwnProperty', '__proto__']
    expect(resolveCommand(plugin, commands, command) !== undefined).toBe(callable)
  })
})
