import { describe, expect, it } from 'vitest'
import { readPluginInfo } from '../../../src/runtime/sandbox/describePlugin'
import { LoadFailure } from '../../../src/runtime/sandbox/loadFailure'

async function failureOf(plugin: Record<string, unknown>): Promise<unknown> {
  return readPluginInfo(plugin).then(
    () => expect.unreachable('expected a load failure'),
    (error: unknown) => error,
  )
}

describe('readPluginInfo', () => {
  it('returns what get_info() answers, sync or async, called on the plugin', async () => {
    const plugin = {
      label: 'probe',
      get_info() {
        return { name: this.label, version: '1.0.0', author: 'Someone' }
      },
    }
    expect(await readPluginInfo(plugin)).toEqual({ name: 'probe', version: '1.0.0', author: 'Someone' })
    expect(await readPluginInfo({ get_info: async () => ({ name: 'a', version: '2.0.0' }) })).toEqual({ name: 'a', version: '2.0.0' })
  })

  it.each([
    ['absent', {}],
    ['not a function', { get_info: { name: 'probe', version: '1.0.0' } }],
  ])('says get_info() is missing when it is %s', async (_, plugin) => {
    const error = await failureOf(plugin)
    expect(error).toBeInstanceOf(LoadFailure)
    expect(error).toHaveProperty('message', 'get_info() is missing')
  })

  it('says what get_info() threw or rejected with', async () => {
    const throws = () => {
      throw new Error('info is not available')
    }
    expect(await failureOf({ get_info: throws })).toHaveProperty('message', 'get_info() threw: info is not available')
    expect(await failureOf({ get_info: async () => Promise.reject(new Error('later')) })).toHaveProperty('message', 'get_info() threw: later')
    expect(await failureOf({ get_info: () => Promise.reject(7) })).toHaveProperty('message', 'get_info() threw: 7')
  })

  it.each([
    ['null', null],
    ['text', 'probe 1.0.0'],
    ['a list', ['probe', '1.0.0']],
    ['nothing', undefined],
  ])('refuses an answer that is %s', async (_, info) => {
    expect(await failureOf({ get_info: () => info })).toHaveProperty('message', 'get_info() did not return an object')
  })

  it.each([
    [{ version: '1.0.0' }, 'get_info() returned no name'],
    [{ name: '', version: '1.0.0' }, 'get_info() returned no name'],
    [{ name: 42, version: '1.0.0' }, 'get_info() returned no name'],
    [{ name: 'probe' }, 'get_info() returned no version'],
    [{ name: 'probe', version: '' }, 'get_info() returned no version'],
    [{ name: 'probe', version: 1 }, 'get_info() returned no version'],
  ])('refuses %j: %s', async (info, message) => {
    expect(await failureOf({ get_info: () => info })).toHaveProperty('message', message)
  })
})
