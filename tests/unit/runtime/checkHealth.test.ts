import { describe, expect, it } from 'vitest'
import { checkHealth } from '../../../src/runtime/sandbox/checkHealth'

const getInfo = () => ({ name: 'probe', version: '1.0.0' })

describe('checkHealth', () => {
  it('is healthy with the name and version of get_info() when there is no health_check()', async () => {
    await expect(checkHealth({ get_info: getInfo })).resolves.toEqual({ healthy: true, name: 'probe', version: '1.0.0' })
  })

  it('adds what health_check() returns, sync or async', async () => {
    const plugin = {
      queue: 2,
      get_info: getInfo,
      health_check() {
        return { queue_length: this.queue, cache: 'warm' }
      },
    }
    await expect(checkHealth(plugin)).resolves.toEqual({ healthy: true, name: 'probe', version: '1.0.0', queue_length: 2, cache: 'warm' })
    await expect(checkHealth({ get_info: getInfo, health_check: async () => ({ ok: 1 }) })).resolves.toMatchObject({ healthy: true, ok: 1 })
  })

  it('never lets health_check() rename the plugin or change its version', async () => {
    const plugin = { get_info: getInfo, health_check: () => ({ healthy: true, name: 'other', version: '9.9.9', extra: 1 }) }
    await expect(checkHealth(plugin)).resolves.toEqual({ healthy: true, name: 'probe', version: '1.0.0', extra: 1 })
  })

  it.each([
    ['a truthy text', 'no'],
    ['zero', 0],
    ['null', null],
  ])('stays healthy when health_check() says healthy is %s', async (_, healthy) => {
    await expect(checkHealth({ get_info: getInfo, health_check: () => ({ healthy }) })).resolves.toEqual({ healthy: true, name: 'probe', version: '1.0.0' })
  })

  it('turns unhealthy with the error health_check() gives, or a default one', async () => {
    const unhealthy = (detail: object) => checkHealth({ get_info: getInfo, health_check: () => ({ healthy: false, ...detail }) })
    await expect(unhealthy({ error: 'database unreachable', queue: 3 })).resolves.toEqual({ healthy: false, error: 'database unreachable' })
    await expect(unhealthy({})).resolves.toEqual({ healthy: false, error: 'health_check() reported unhealthy' })
    await expect(unhealthy({ error: '' })).resolves.toEqual({ healthy: false, error: 'health_check() reported unhealthy' })
    await expect(unhealthy({ error: { code: 5 } })).resolves.toEqual({ healthy: false, error: 'health_check() reported unhealthy' })
  })

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['true', true],
    ['text', 'fine'],
    ['a list', ['a', 'b']],
  ])('ignores a health_check() answer that is %s', async (_, answer) => {
    await expect(checkHealth({ get_info: getInfo, health_check: () => answer })).resolves.toEqual({ healthy: true, name: 'probe', version: '1.0.0' })
  })

  it('is unhealthy when health_check() throws or rejects', async () => {
    const throws = () => {
      throw new Error('probe failed')
    }
    await expect(checkHealth({ get_info: getInfo, health_check: throws })).resolves.toEqual({ healthy: false, error: 'health_check() threw: probe failed' })
    await expect(checkHealth({ get_info: getInfo, health_check: () => Promise.reject('gone') })).resolves.toEqual({
      healthy: false,
      error: 'health_check() threw: gone',
    })
  })

  it('is unhealthy with the reason get_info() fails', async () => {
    await expect(checkHealth({ get_info: () => ({ name: 'probe' }) })).resolves.toEqual({ healthy: false, error: 'get_info() returned no version' })
    await expect(checkHealth({})).resolves.toEqual({ healthy: false, error: 'get_info() is missing' })
  })
})
