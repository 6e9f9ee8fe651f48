import { describe, expect, it } from 'vitest'
import { parseHealthReport, parseLoadedPlugin } from '../../../src/runtime/replyValues'

describe('parseLoadedPlugin', () => {
  it('takes a description with a name, a version and commands', () => {
    const loaded = { info: { name: 'probe', version: '1.0.0', description: 'd', supported_commands: ['go'] }, commands: ['go'] }
    expect(parseLoadedPlugin(loaded)).toEqual(loaded)
    expect(parseLoadedPlugin({ info: { name: 'probe', version: '0.1' }, commands: [] })).toEqual({ info: { name: 'probe', version: '0.1' }, commands: [] })
  })

  it('keeps well-formed command help and drops the rest with a note, never refusing the plugin', () => {
    const greet = { description: 'Says hello', arguments: { who: { description: 'Whom', required: true } } }
    const loaded = parseLoadedPlugin({ info: { name: 'probe', version: '1.0.0', commands: { greet, count: 'counts' } }, commands: ['greet', 'count'] })
    expect(loaded).toEqual({
      info: { name: 'probe', version: '1.0.0', commands: { greet } },
      commands: ['greet', 'count'],
      notes: ['get_info().commands.count was ignored: it is not an object'],
    })
  })

  it.each([
    ['null', null],
    ['a list', [{ name: 'probe', version: '1.0.0' }, []]],
    ['info that is text', { info: 'probe', commands: [] }],
    ['info that is a list', { info: ['probe', '1.0.0'], commands: [] }],
    ['info that is a Date', { info: new Date(), commands: [] }],
    ['an empty name', { info: { name: '', version: '1.0.0' }, commands: [] }],
    ['no version', { info: { name: 'probe' }, commands: [] }],
    ['commands that are text', { info: { name: 'probe', version: '1.0.0' }, commands: 'go' }],
    ['a command that is not text', { info: { name: 'probe', version: '1.0.0' }, commands: ['go', null] }],
  ])('refuses %s', (_, value) => {
    expect(parseLoadedPlugin(value)).toBeUndefined()
  })
})

describe('parseHealthReport', () => {
  it('takes a healthy report with its extra detail, and an unhealthy one without', () => {
    expect(parseHealthReport({ healthy: true, name: 'probe', version: '1.0.0', queue: 1 })).toEqual({
      healthy: true,
      name: 'probe',
      version: '1.0.0',
      queue: 1,
    })
    expect(parseHealthReport({ healthy: false, error: 'down', queue: 1 })).toEqual({ healthy: false, error: 'down' })
  })

  it.each([
    ['nothing', undefined],
    ['a command result', { status: 'success' }],
    ['healthy as text', { healthy: 'true', name: 'probe', version: '1.0.0' }],
    ['healthy without a name', { healthy: true, version: '1.0.0' }],
    ['healthy with a version that is a number', { healthy: true, name: 'probe', version: 1 }],
    ['unhealthy without an error', { healthy: false }],
    ['unhealthy with an error object', { healthy: false, error: { message: 'down' } }],
  ])('refuses %s', (_, value) => {
    expect(parseHealthReport(value)).toBeUndefined()
  })
})
