import { describe, expect, it } from 'vitest'
import { originOf, untrustedOrigins } from '../../../src/core/trust'

const APP = 'https://play.example'

describe('untrustedOrigins', () => {
  it.each([
    ['https://play.example/registry.json', 'https://play.example/plugins/a.js', [], []],
    ['https://play.example/other/registry.json', 'https://play.example/a.js', [], []],
    ['https://plugins.example/registry.json', 'https://plugins.example/a.js', [], ['https://plugins.example']],
    ['https://plugins.example/registry.json', 'https://plugins.example/a.js', ['https://plugins.example'], []],
    ['https://plugins.example:8443/r.json', 'https://plugins.example:8443/a.js', ['https://plugins.example'], ['https://plugins.example:8443']],
    ['http://play.example/registry.json', 'http://play.example/a.js', [], ['http://play.example']],
    // A trusted manifest cannot vouch for modules elsewhere.
    ['https://play.example/registry.json', 'https://cdn.example/a.js', [], ['https://cdn.example']],
    ['https://plugins.example/r.json', 'https://cdn.example/a.js', ['https://plugins.example'], ['https://cdn.example']],
    ['https://plugins.example/r.json', 'https://cdn.example/a.js', [], ['https://plugins.example', 'https://cdn.example']],
  ])('%s → %s with trusted %j', (manifestUrl, moduleUrl, trusted, expected) => {
    expect(untrustedOrigins({ manifestUrl, moduleUrl }, APP, trusted)).toEqual(expected)
  })

  it('counts every wheel installed with a Python plugin', () => {
    const wheels = [{ url: 'https://play.example/py/a-1.0-py3-none-any.whl' }, { url: 'https://cdn.example/b-1.0-py3-none-any.whl' }]
    expect(untrustedOrigins({ manifestUrl: 'https://play.example/registry.json', wheels }, APP, [])).toEqual(['https://cdn.example'])
    expect(untrustedOrigins({ manifestUrl: 'https://play.example/registry.json', wheels }, APP, ['https://cdn.example'])).toEqual([])
  })

  it('names the origin of a URL', () => {
    expect(originOf('https://Plugins.Example:443/a/b.json?x')).toBe('https://plugins.example')
    expect(originOf('not a url')).toBe('null')
  })
})
