import { describe, expect, it } from 'vitest'
import { needsConsent, originOf } from '../../../src/core/trust'

const APP = 'https://play.example'

describe('needsConsent', () => {
  it.each([
    ['https://play.example/registry.json', [], false],
    ['https://play.example/other/registry.json', [], false],
    ['https://plugins.example/registry.json', [], true],
    ['https://plugins.example/registry.json', ['https://plugins.example'], false],
    ['https://plugins.example:8443/registry.json', ['https://plugins.example'], true],
    ['http://play.example/registry.json', [], true],
    ['https://sub.play.example/registry.json', [], true],
    ['data:application/json,{}', [], true],
  ])('%s with trusted %j → %s', (url, trusted, expected) => {
    expect(needsConsent(url, APP, trusted)).toBe(expected)
  })

  it('names the origin of a URL', () => {
    expect(originOf('https://Plugins.Example:443/a/b.json?x')).toBe('https://plugins.example')
    expect(originOf('not a url')).toBe('null')
  })
})
