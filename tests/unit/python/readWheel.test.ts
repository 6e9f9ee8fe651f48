import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { checkIntegrity } from '../../../src/core/integrity'
import { readWheelDistInfo } from '../../../src/core/python/readWheel'
import { buildProjectWheels } from '../../../scripts/build-wheels.mjs'
import { buildTestWheel, sri } from '../../support/wheels'

describe('readWheelDistInfo', () => {
  it('reads METADATA and entry_points.txt of a wheel', () => {
    const bytes = buildTestWheel({ distribution: 'demo', version: '2.0', entryPoints: '[strataregula.plugins]\nd = demo:D\n' })
    expect(readWheelDistInfo(bytes)).toEqual({
      folder: 'demo-2.0.dist-info',
      metadata: 'Metadata-Version: 2.1\nName: demo\nVersion: 2.0\nSummary: The demo plugins\n',
      entryPoints: '[strataregula.plugins]\nd = demo:D\n',
    })
  })

  it('reads a wheel without entry_points.txt (a library)', () => {
    expect(readWheelDistInfo(buildTestWheel({})).entryPoints).toBeUndefined()
  })

  it('reads the project wheels that the build script makes', async () => {
    const [hello, expander] = await buildProjectWheels()
    expect(readWheelDistInfo(hello!.bytes)).toMatchObject({
      folder: 'strataregula_hello_py-1.2.0.dist-info',
      entryPoints: '[strataregula.plugins]\nhello_py = strataregula_hello_py.plugin:HelloPlugin\n',
    })
    expect(readWheelDistInfo(expander!.bytes).metadata).toContain('\nSummary: Expands wildcard service patterns (edge.*.gateway) over a region hierarchy\n')
  })

  it.each([
    ['bytes that are not a zip', new TextEncoder().encode('<!doctype html><p>Not found</p>'), /^not a zip archive \(.+\)$/],
    ['a zip without a dist-info folder', zipSync({ 'demo/__init__.py': strToU8('') }), 'no *.dist-info/METADATA in the wheel'],
    ['a dist-info folder without METADATA', zipSync({ 'demo-1.0.dist-info/entry_points.txt': strToU8('') }), 'no *.dist-info/METADATA in the wheel'],
    ['an oversized METADATA', buildTestWheel({ metadata: 'x'.repeat(1024 * 1024 + 1) }), 'demo-1.0.dist-info/METADATA is larger than 1 MiB'],
    [
      'two dist-info folders',
      buildTestWheel({ files: { 'other-1.0.dist-info/METADATA': 'Name: other\n' } }),
      'more than one *.dist-info folder (demo-1.0.dist-info, other-1.0.dist-info)',
    ],
  ])('refuses %s', (_, bytes, message) => {
    expect(() => readWheelDistInfo(bytes)).toThrow(message)
  })
})

describe('checkIntegrity', () => {
  const bytes = new TextEncoder().encode('wheel bytes') as Uint8Array<ArrayBuffer>

  it.each(['sha256', 'sha384', 'sha512'] as const)('accepts matching %s bytes', async (algorithm) => {
    const expected = await sri(bytes, algorithm)
    expect(await checkIntegrity(bytes, expected)).toEqual({ matches: true, actual: expected })
  })

  it('refuses other bytes and says what they hash to', async () => {
    const expected = await sri(new TextEncoder().encode('other bytes') as Uint8Array<ArrayBuffer>)
    expect(await checkIntegrity(bytes, expected)).toEqual({ matches: false, actual: await sri(bytes) })
  })
})
