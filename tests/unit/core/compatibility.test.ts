import { describe, expect, it } from 'vitest'
import { checkCompatibility } from '../../../src/core/compatibility'

describe('checkCompatibility', () => {
  it.each([
    ['1.2.0', undefined, { compatible: true }],
    ['1.2.0', '1.2.0', { compatible: true }],
    ['1.10.0', '1.9.0', { compatible: true }],
    ['2.0.0', '1.9.9', { compatible: true }],
    ['1.2.0', '1.3.0', { compatible: false, reason: 'requires >= 1.3.0, found 1.2.0' }],
    ['1.0.0-beta.1', '1.0.0', { compatible: false, reason: 'requires >= 1.0.0, found 1.0.0-beta.1' }],
    [undefined, '0.0.0', { compatible: true }],
    [undefined, '0.1.0', { compatible: false, reason: 'requires >= 0.1.0, found 0.0.0' }],
    ['', '0.1.0', { compatible: false, reason: 'requires >= 0.1.0, found 0.0.0' }],
    ['banana', '0.1.0', { compatible: false, reason: 'requires >= 0.1.0, found "banana", which is not a semantic version' }],
    ['1.2', '0.1.0', { compatible: false, reason: 'requires >= 0.1.0, found "1.2", which is not a semantic version' }],
    ['1.2.0', 'soon', { compatible: false, reason: 'the required min_version "soon" is not a semantic version' }],
  ])('version %j, min %j', (version, minVersion, expected) => {
    expect(checkCompatibility(version, minVersion)).toEqual(expected)
  })
})
