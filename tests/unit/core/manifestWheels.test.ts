import { describe, expect, it } from 'vitest'
import { mergeManifests } from '../../../src/core/manifest/mergeManifests'
import { parseManifest } from '../../support/schemaCheckedParse'
import { describeProblem, type ParsedManifest } from '../../../src/core/manifest/types'
import { addWheelPlugins, type WheelReading } from '../../../src/core/manifest/wheelPlugins'
import { readWheelDistInfo } from '../../../src/core/python/readWheel'
import { buildTestWheel } from '../../support/wheels'

const URL_ = 'https://plugins.example.org/reg/registry.json'
const GROUP = 'entry-points."strataregula.plugins"'
const WHEEL = 'demo-1.0-py3-none-any.whl'

const parse = (document: unknown) => parseManifest(JSON.stringify(document), URL_)

describe('parseManifest: wheels', () => {
  it('reads strings and {url, integrity}, resolved against the manifest, with their file names', () => {
    const parsed = parse({
      name: 'Python plugins',
      wheels: ['./py/demo-1.0-py3-none-any.whl?v=2', { url: 'https://cdn.example/lib%2Bx-2.0-1-py2.py3-none-any.whl', integrity: 'sha384-abc=' }],
    })
    expect(parsed.problems).toEqual([])
    expect(parsed.entries).toEqual([])
    expect(parsed.wheels).toEqual([
      { url: 'https://plugins.example.org/reg/py/demo-1.0-py3-none-any.whl?v=2', fileName: 'demo-1.0-py3-none-any.whl' },
      { url: 'https://cdn.example/lib%2Bx-2.0-1-py2.py3-none-any.whl', integrity: 'sha384-abc=', fileName: 'lib+x-2.0-1-py2.py3-none-any.whl' },
    ])
    expect(parsed.wheelPaths).toEqual(['wheels[0]', 'wheels[1]'])
  })

  it('needs no entry-points when it lists wheels, and keeps module entries beside them', () => {
    expect(parse({ wheels: [] }).problems).toEqual([])
    // Given, entry-points holds the plugin group as always.
    expect(parse({ wheels: [], 'entry-points': {} }).problems.map(describeProblem)).toEqual([`Invalid manifest ${URL_}: ${GROUP}: is required`])
    const both = parse({ wheels: [`./${WHEEL}`], 'entry-points': { 'strataregula.plugins': { a: './a.js' } } })
    expect(both.entries.map((entry) => entry.name)).toEqual(['a'])
    expect(both.wheels).toHaveLength(1)
  })

  it.each([
    ['not a list', { wheels: 'demo.whl' }, 'wheels: must be a list of wheel URLs'],
    ['a number', { wheels: [`./${WHEEL}`, 5] }, 'wheels[1]: must be a wheel URL or an object with url'],
    ['an empty string', { wheels: [''] }, 'wheels[0]: url is required'],
    ['an object without url', { wheels: [`./${WHEEL}`, { integrity: 'sha384-abc' }] }, 'wheels[1]: url is required'],
    ['a url that is not a string', { wheels: [{ url: 7 }] }, 'wheels[0].url: must be a string'],
    ['a file scheme', { wheels: [`file:///tmp/${WHEEL}`] }, `wheels[0]: unsupported URL scheme "file:" in "file:///tmp/${WHEEL}" (use http or https)`],
    [
      'a wheel name without a version',
      { wheels: ['./demo-none-any.whl'] },
      'wheels[0]: not a wheel file name: "demo-none-any.whl" (name-version-python-abi-platform.whl expected)',
    ],
    [
      'a folder named like a wheel',
      { wheels: ['./demo-1.0-py3-none-any.whl/x.whl'] },
      'wheels[0]: not a wheel file name: "x.whl" (name-version-python-abi-platform.whl expected)',
    ],
    [
      'not a wheel',
      { wheels: [{ url: './demo-1.0.tar.gz' }] },
      'wheels[0].url: not a wheel file name: "demo-1.0.tar.gz" (name-version-python-abi-platform.whl expected)',
    ],
    [
      'a platform wheel',
      { wheels: ['./numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.whl'] },
      'wheels[0]: not a pure-Python wheel: "numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.whl" (…-none-any.whl expected)',
    ],
    ['an abi3 wheel', { wheels: ['./lib-1.0-cp38-abi3-any.whl'] }, 'wheels[0]: not a pure-Python wheel: "lib-1.0-cp38-abi3-any.whl" (…-none-any.whl expected)'],
    ['a bad integrity', { wheels: [{ url: `./${WHEEL}`, integrity: 'md5-abc' }] }, 'wheels[0].integrity: must be an SRI string like sha384-<base64>'],
  ])('%s is a problem with its JSON path, the valid wheels kept', (_, document, expected) => {
    const parsed = parse({ ...document, 'entry-points': { 'strataregula.plugins': { fine: './fine.js' } } })
    expect(parsed.problems.map(describeProblem)).toEqual([`Invalid manifest ${URL_}: ${expected}`])
    expect(parsed.entries.map((entry) => entry.name)).toEqual(['fine'])
  })

  it('still needs entry-points without wheels', () => {
    expect(parse({}).problems.map(describeProblem)).toEqual([`Invalid manifest ${URL_}: entry-points: is required`])
  })
})

const read = (entryPoints: string, distribution = 'demo', version = '1.0'): WheelReading => ({
  ok: true,
  distInfo: readWheelDistInfo(buildTestWheel({ distribution, version, entryPoints })),
})

function withWheels(document: Record<string, unknown>, readings: WheelReading[]): ParsedManifest {
  return addWheelPlugins(parse(document), readings)
}

describe('addWheelPlugins', () => {
  const wheelUrl = (name: string) => `https://plugins.example.org/reg/${name}-1.0-py3-none-any.whl`
  const wheels = ['./demo-1.0-py3-none-any.whl', './lib-1.0-py3-none-any.whl']

  it('lists the strataregula.plugins entries of every wheel, with version and summary from METADATA', () => {
    const manifest = withWheels({ wheels }, [
      read('[console_scripts]\ndemo = demo.cli:main\n[strataregula.plugins]\ndemo = demo.plugin:DemoPlugin\nother = demo.more:Outer.Inner\n'),
      read('', 'lib'),
    ])
    expect(manifest.problems).toEqual([])
    const all = [
      { url: wheelUrl('demo'), fileName: 'demo-1.0-py3-none-any.whl' },
      { url: wheelUrl('lib'), fileName: 'lib-1.0-py3-none-any.whl' },
    ]
    const common = { kind: 'python', wheel: all[0], wheels: all, manifestUrl: URL_, version: '1.0', description: 'The demo plugins' }
    expect(manifest.entries).toEqual([
      { ...common, name: 'demo', entryPoint: 'demo.plugin:DemoPlugin' },
      { ...common, name: 'other', entryPoint: 'demo.more:Outer.Inner' },
    ])
  })

  it('reports a wheel that could not be read by its URL and path, and installs only the readable ones', () => {
    const manifest = withWheels({ wheels: ['./bad.whl', ...wheels] }, [
      read('[strataregula.plugins]\ndemo = demo.plugin:DemoPlugin\n'),
      { ok: false, reason: 'integrity check failed: expected sha384-a, got sha384-b' },
    ])
    expect(manifest.problems.map(describeProblem)).toEqual([
      `Invalid manifest ${URL_}: wheels[0]: not a wheel file name: "bad.whl" (name-version-python-abi-platform.whl expected)`,
      `Could not read wheel ${wheelUrl('lib')} (wheels[2] of ${URL_}): integrity check failed: expected sha384-a, got sha384-b`,
    ])
    expect(manifest.wheels.map((wheel) => wheel.fileName)).toEqual(['demo-1.0-py3-none-any.whl'])
    expect(manifest.entries.map((entry) => entry.kind === 'python' && entry.wheels.length)).toEqual([1])
  })

  it('names both places of a name declared twice in one manifest, and keeps the first', () => {
    const manifest = withWheels({ wheels, 'entry-points': { 'strataregula.plugins': { hello: './hello.js' } } }, [
      read('[strataregula.plugins]\nhello = demo.plugin:Hello\ntwice = demo.plugin:Twice\n'),
      read('[strataregula.plugins]\n\ntwice = lib.plugin:Twice\n', 'lib'),
    ])
    expect(manifest.problems.map(describeProblem)).toEqual([
      `Invalid manifest ${URL_}: wheels[0]: plugin "hello" is declared twice: at ${GROUP}.hello and at wheels[0] (demo-1.0-py3-none-any.whl) entry_points.txt line 2 (the first is used)`,
      `Invalid manifest ${URL_}: wheels[1]: plugin "twice" is declared twice: at wheels[0] (demo-1.0-py3-none-any.whl) entry_points.txt line 3 and at wheels[1] (lib-1.0-py3-none-any.whl) entry_points.txt line 3 (the first is used)`,
    ])
    expect(manifest.entries.map((entry) => [entry.name, entry.kind, entry.kind === 'python' && entry.entryPoint])).toEqual([
      ['hello', 'module', false],
      ['twice', 'python', 'demo.plugin:Twice'],
    ])
  })

  it.each([
    ['a bad name', '[strataregula.plugins]\nbad name = demo:Bad\nok = demo:Ok\n', 'entry_points.txt line 2: plugin name must match [A-Za-z0-9_.-]+'],
    ['a reserved name', '[strataregula.plugins]\nconstructor = demo:Bad\nok = demo:Ok\n', 'entry_points.txt line 2: plugin name "constructor" is reserved'],
    [
      'a bad reference',
      '[strataregula.plugins]\nbad = demo/plugin.py\nok = demo:Ok\n',
      'entry_points.txt line 2: "demo/plugin.py" is not an object reference like package.module:Class',
    ],
  ])('reports %s in entry_points.txt as a problem of the wheel, its other entries kept', (_, entryPoints, message) => {
    const manifest = withWheels({ wheels: [wheels[0]] }, [read(entryPoints)])
    expect(manifest.problems.map(describeProblem)).toEqual([`Could not read wheel ${wheelUrl('demo')} (wheels[0] of ${URL_}): ${message}`])
    expect(manifest.entries.map((entry) => entry.name)).toEqual(['ok'])
  })

  it('reports an entry_points.txt it cannot read, listing nothing from that wheel', () => {
    const manifest = withWheels({ wheels: [wheels[0]] }, [read('ok = demo:Ok\n')])
    expect(manifest.problems.map(describeProblem)).toEqual([
      `Could not read wheel ${wheelUrl('demo')} (wheels[0] of ${URL_}): entry_points.txt line 1: an entry before any [group] header`,
    ])
    expect(manifest.entries).toEqual([])
  })

  it('lets Python and module plugins of different manifests shadow each other', () => {
    const modules = parseManifest(JSON.stringify({ 'entry-points': { 'strataregula.plugins': { demo: './demo.js' } } }), 'https://one.example/r.json')
    const python = withWheels({ wheels: [wheels[0]] }, [read('[strataregula.plugins]\ndemo = demo.plugin:DemoPlugin\n')])
    const merged = mergeManifests([modules, python])
    expect(merged.entries.map((entry) => entry.kind)).toEqual(['python'])
    expect(merged.shadowings).toEqual([{ name: 'demo', shadowedManifestUrl: 'https://one.example/r.json', winnerManifestUrl: URL_ }])
  })
})
