import { describe, expect, it } from 'vitest'
import { mergeManifests } from '../../../src/core/manifest/mergeManifests'
import { splitModuleSpecifier } from '../../../src/core/manifest/moduleSpecifier'
import { parseManifest } from '../../support/schemaCheckedParse'
import { describeProblem } from '../../../src/core/manifest/types'

const URL_ = 'https://plugins.example.org/reg/registry.json'
const GROUP = 'entry-points."strataregula.plugins"'

function manifest(plugins: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...extra, 'entry-points': { 'strataregula.plugins': plugins } })
}

function problems(text: string): string[] {
  return parseManifest(text, URL_).problems.map(describeProblem)
}

describe('splitModuleSpecifier', () => {
  it.each([
    ['./p.js:HelloPlugin', './p.js', 'HelloPlugin'],
    ['./p.js', './p.js', 'default'],
    ['https://host:8080/p.js', 'https://host:8080/p.js', 'default'],
    ['https://host:8080/p.js:Plugin', 'https://host:8080/p.js', 'Plugin'],
    ['https://host/p.js', 'https://host/p.js', 'default'],
    ['./p.js:$export_1', './p.js', '$export_1'],
    ['./p.js:1abc', './p.js:1abc', 'default'],
    ['./p.js:with-dash', './p.js:with-dash', 'default'],
    ['./p.js:', './p.js:', 'default'],
    [':Plugin', ':Plugin', 'default'],
    ['http://localhost:Plugin', 'http://localhost', 'Plugin'],
  ])('%s → module %s, export %s', (spec, module, exportName) => {
    expect(splitModuleSpecifier(spec)).toEqual({ module, exportName })
  })
})

describe('parseManifest: good manifests', () => {
  it('reads both entry forms, resolves relative URLs against the manifest, keeps metadata', () => {
    const parsed = parseManifest(
      manifest(
        {
          a: './a/plugin.js:APlugin',
          'b.c-d_1': { module: '../b.js', export: 'B', integrity: 'sha384-abc+/=', version: '0.1.0', description: 'Bee', extra: 1 },
          c: 'https://cdn.example.com:8443/c.js',
          d: { module: '/abs/d.js' },
        },
        { name: 'Demo', description: 'Demo plugins', 'entry-points': undefined },
      ),
      URL_,
    )
    expect(parsed.problems).toEqual([])
    expect(parsed.name).toBe('Demo')
    expect(parsed.description).toBe('Demo plugins')
    expect(parsed.entries).toEqual([
      { kind: 'module', name: 'a', moduleUrl: 'https://plugins.example.org/reg/a/plugin.js', exportName: 'APlugin', manifestUrl: URL_ },
      {
        kind: 'module',
        name: 'b.c-d_1',
        moduleUrl: 'https://plugins.example.org/b.js',
        exportName: 'B',
        integrity: 'sha384-abc+/=',
        version: '0.1.0',
        description: 'Bee',
        manifestUrl: URL_,
      },
      { kind: 'module', name: 'c', moduleUrl: 'https://cdn.example.com:8443/c.js', exportName: 'default', manifestUrl: URL_ },
      { kind: 'module', name: 'd', moduleUrl: 'https://plugins.example.org/abs/d.js', exportName: 'default', manifestUrl: URL_ },
    ])
  })

  it('keeps and ignores other entry-point groups', () => {
    const text = JSON.stringify({ 'entry-points': { console_scripts: { x: 5 }, 'strataregula.plugins': { a: './a.js' } } })
    const parsed = parseManifest(text, URL_)
    expect(parsed.problems).toEqual([])
    expect(parsed.entries.map((entry) => entry.name)).toEqual(['a'])
  })
})

describe('parseManifest: malformed manifests give their exact message', () => {
  it.each([
    ['not JSON', '{"entry-points": ', /^Invalid manifest https:\/\/plugins\.example\.org\/reg\/registry\.json: not valid JSON \(.+\)$/],
    ['an array', '[]', `Invalid manifest ${URL_}: the manifest must be a JSON object`],
    ['null', 'null', `Invalid manifest ${URL_}: the manifest must be a JSON object`],
    [
      'a name that is not a string',
      JSON.stringify({ name: 5, 'entry-points': { 'strataregula.plugins': {} } }),
      `Invalid manifest ${URL_}: name: must be a string`,
    ],
    ['no entry-points', '{}', `Invalid manifest ${URL_}: entry-points: is required`],
    ['entry-points not an object', JSON.stringify({ 'entry-points': [] }), `Invalid manifest ${URL_}: entry-points: must be an object`],
    ['no plugin group', JSON.stringify({ 'entry-points': { other: {} } }), `Invalid manifest ${URL_}: ${GROUP}: is required`],
    ['group of the wrong type', manifest(['./a.js']), `Invalid manifest ${URL_}: ${GROUP}: must be an object mapping plugin names to modules`],
    ['group is a string', manifest('./a.js'), `Invalid manifest ${URL_}: ${GROUP}: must be an object mapping plugin names to modules`],
  ])('%s', (_, text, expected) => {
    const messages = problems(text)
    expect(messages).toHaveLength(1)
    if (typeof expected === 'string') expect(messages[0]).toBe(expected)
    else expect(messages[0]).toMatch(expected)
  })

  it.each([
    ['a name with a space', { 'bad name': './a.js' }, `${GROUP}."bad name": plugin name must match [A-Za-z0-9_.-]+`],
    ['a name with a slash', { 'a/b': './a.js' }, `${GROUP}."a/b": plugin name must match [A-Za-z0-9_.-]+`],
    ['a name of HTML', { '<img src=x onerror=alert(1)>': './a.js' }, `${GROUP}."<img src=x onerror=alert(1)>": plugin name must match [A-Za-z0-9_.-]+`],
    ['a name turning the text right to left', { '\u202eevil\u2066x': './a.js' }, `${GROUP}."\\u202eevil\\u2066x": plugin name must match [A-Za-z0-9_.-]+`],
    ['a name with a zero-width space', { 'he\u200bllo': './a.js' }, `${GROUP}."he\\u200bllo": plugin name must match [A-Za-z0-9_.-]+`],
    ['a name outside ASCII', { café: './a.js' }, `${GROUP}."café": plugin name must match [A-Za-z0-9_.-]+`],
    ['an empty name', { '': './a.js' }, `${GROUP}."": plugin name must match [A-Za-z0-9_.-]+`],
    ['a name every object has', { toString: './a.js' }, `${GROUP}.toString: plugin name "toString" is reserved`],
    ['__proto__', JSON.parse('{"__proto__": "./a.js"}'), `${GROUP}.__proto__: plugin name "__proto__" is reserved`],
    ['constructor', { constructor: './a.js' }, `${GROUP}.constructor: plugin name "constructor" is reserved`],
    ['a number', { foo: 5 }, `${GROUP}.foo: must be a "MODULE:EXPORT" string or an object`],
    ['null', { foo: null }, `${GROUP}.foo: must be a "MODULE:EXPORT" string or an object`],
    ['an empty string', { foo: '' }, `${GROUP}.foo: module is required`],
    ['missing module', { foo: { export: 'X' } }, `${GROUP}.foo: module is required`],
    ['module not a string', { foo: { module: 3 } }, `${GROUP}.foo.module: must be a string`],
    ['export not an identifier', { foo: { module: './a.js', export: 'not-ident' } }, `${GROUP}.foo.export: must be a JavaScript identifier`],
    ['integrity not SRI', { foo: { module: './a.js', integrity: 'md5-xyz' } }, `${GROUP}.foo.integrity: must be an SRI string like sha384-<base64>`],
    ['a javascript: URL', { foo: 'javascript:alert(1)' }, `${GROUP}.foo: unsupported URL scheme "javascript:" in "javascript:alert(1)" (use http or https)`],
    [
      'a data: URL module',
      { foo: { module: 'data:text/javascript,export default 1' } },
      `${GROUP}.foo.module: unsupported URL scheme "data:" in "data:text/javascript,export default 1" (use http or https)`,
    ],
    [
      'a blob: URL',
      { foo: 'blob:https://plugins.example.org/1234' },
      `${GROUP}.foo: unsupported URL scheme "blob:" in "blob:https://plugins.example.org/1234" (use http or https)`,
    ],
    ['a file: URL', { foo: 'file:///etc/passwd' }, `${GROUP}.foo: unsupported URL scheme "file:" in "file:///etc/passwd" (use http or https)`],
    ['a URL that does not parse', { foo: 'http://[::1' }, `${GROUP}.foo: not a valid URL: "http://[::1"`],
    ['an empty export after the colon', { foo: 'plugin.js:' }, `${GROUP}.foo: unsupported URL scheme "plugin.js:" in "plugin.js:" (use http or https)`],
  ])('%s', (_, plugins, expected) => {
    const parsed = parseManifest(manifest({ ...plugins, fine: './fine.js:Fine' }), URL_)
    expect(parsed.problems.map(describeProblem)).toEqual([`Invalid manifest ${URL_}: ${expected}`])
    // The manifest's valid entries still load.
    expect(parsed.entries.map((entry) => entry.name)).toEqual(['fine'])
  })
})

describe('parseManifest: sizes a registry may not pass', () => {
  it('refuses a manifest of more than 5000 plugins as a whole, naming the count', () => {
    const plugins = Object.fromEntries(Array.from({ length: 10_000 }, (_, index) => [`p${index}`, `./p${index}.js`]))
    const parsed = parseManifest(manifest(plugins), URL_)
    expect(parsed.problems.map(describeProblem)).toEqual([
      `Invalid manifest ${URL_}: ${GROUP}: declares 10000 plugins, more than the 5000 a registry may declare; none of them is listed`,
    ])
    expect(parsed.entries).toEqual([])
  })

  it('takes exactly 5000 plugins', () => {
    const plugins = Object.fromEntries(Array.from({ length: 5000 }, (_, index) => [`p${index}`, `./p${index}.js`]))
    const parsed = parseManifest(manifest(plugins), URL_)
    expect(parsed.problems).toEqual([])
    expect(parsed.entries).toHaveLength(5000)
  })

  it('refuses more than 100 wheels before any is fetched', () => {
    const wheels = Array.from({ length: 101 }, (_, index) => `./w${index}-1.0-py3-none-any.whl`)
    const parsed = parseManifest(JSON.stringify({ wheels }), URL_)
    expect(parsed.problems.map(describeProblem)).toEqual([
      `Invalid manifest ${URL_}: wheels: lists 101 wheels, more than the 100 a registry may list; none of them is read`,
    ])
    expect(parsed.wheels).toEqual([])
  })

  it('reads values nested 100,000 deep as clear problems', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    expect(problems(deep)).toEqual([`Invalid manifest ${URL_}: the manifest must be a JSON object`])
    const parsed = parseManifest(`{"entry-points":{"strataregula.plugins":{"deep":{"module":${deep}},"fine":"./fine.js"}}}`, URL_)
    expect(parsed.problems.map(describeProblem)).toEqual([`Invalid manifest ${URL_}: ${GROUP}.deep.module: must be a string`])
    expect(parsed.entries.map((entry) => entry.name)).toEqual(['fine'])
  })
})

describe('parseManifest: a redirected manifest', () => {
  const FINAL = 'https://mirror.example.net/r/registry.json'

  it('resolves its plugins against where it was read and says where that was', () => {
    const parsed = parseManifest(manifest({ a: './a.js', b: { module: '../b.js', docs: './b.md' } }, { wheels: ['./w-1.0-py3-none-any.whl'] }), URL_, FINAL)
    expect(parsed.url).toBe(URL_)
    expect(parsed.redirectedTo).toBe(FINAL)
    expect(parsed.entries.map((entry) => entry.kind === 'module' && [entry.moduleUrl, entry.manifestUrl, entry.docs])).toEqual([
      ['https://mirror.example.net/r/a.js', FINAL, undefined],
      ['https://mirror.example.net/b.js', FINAL, 'https://mirror.example.net/r/b.md'],
    ])
    expect(parsed.wheels.map((wheel) => wheel.url)).toEqual(['https://mirror.example.net/r/w-1.0-py3-none-any.whl'])
  })

  it('names the URL that was asked for in its problems', () => {
    const parsed = parseManifest(manifest({ 'a b': './a.js' }), URL_, FINAL)
    expect(parsed.problems.map(describeProblem)).toEqual([`Invalid manifest ${URL_}: ${GROUP}."a b": plugin name must match [A-Za-z0-9_.-]+`])
  })

  it('has no redirect when read where it was asked for', () => {
    expect(parseManifest(manifest({ a: './a.js' }), URL_, URL_).redirectedTo).toBeUndefined()
  })
})

describe("parseManifest: docs, the link to a plugin's manual", () => {
  it('resolves a relative link against the manifest and keeps an absolute http(s) one', () => {
    const parsed = parseManifest(
      manifest({ a: { module: './a.js', docs: './a/README.md' }, b: { module: './b.js', docs: 'https://docs.example.com/b' } }),
      URL_,
    )
    expect(parsed.problems).toEqual([])
    expect(parsed.entries.map((entry) => (entry.kind === 'module' ? entry.docs : undefined))).toEqual([
      'https://plugins.example.org/reg/a/README.md',
      'https://docs.example.com/b',
    ])
  })

  it.each([
    ['a javascript: link', 'javascript:alert(1)', 'unsupported URL scheme "javascript:" in "javascript:alert(1)" (use http or https)'],
    ['a number', 5, 'must be an http(s) URL or one relative to the manifest'],
    ['an empty string', '', 'must be an http(s) URL or one relative to the manifest'],
  ])('%s is reported and only the link is dropped', (_, docs, expected) => {
    const parsed = parseManifest(manifest({ foo: { module: './foo.js', docs } }), URL_)
    expect(parsed.problems.map(describeProblem)).toEqual([`Invalid manifest ${URL_}: ${GROUP}.foo.docs: ${expected}`])
    expect(parsed.entries).toEqual([
      { kind: 'module', name: 'foo', moduleUrl: 'https://plugins.example.org/reg/foo.js', exportName: 'default', manifestUrl: URL_ },
    ])
  })
})

describe('mergeManifests', () => {
  it('lets a later manifest win and records what it shadowed', () => {
    const first = parseManifest(manifest({ a: './a.js', b: './b.js' }), 'https://one.example/r.json')
    const second = parseManifest(manifest({ b: './b2.js', c: './c.js' }), 'https://two.example/r.json')
    const merged = mergeManifests([first, second])
    expect(merged.entries.map((entry) => [entry.name, entry.kind === 'module' && entry.moduleUrl])).toEqual([
      ['a', 'https://one.example/a.js'],
      ['b', 'https://two.example/b2.js'],
      ['c', 'https://two.example/c.js'],
    ])
    expect(merged.shadowings).toEqual([{ name: 'b', shadowedManifestUrl: 'https://one.example/r.json', winnerManifestUrl: 'https://two.example/r.json' }])
  })

  it('keeps the valid entries of other manifests when one is invalid', () => {
    const broken = parseManifest('not json', 'https://one.example/r.json')
    const good = parseManifest(manifest({ a: './a.js' }), 'https://two.example/r.json')
    expect(mergeManifests([broken, good]).entries.map((entry) => entry.name)).toEqual(['a'])
  })
})

describe("parseManifest: connect, the other origins a registry's plugins may reach", () => {
  it('gives every plugin the list, as origins without duplicates', () => {
    const parsed = parseManifest(manifest({ a: './a.js' }, { connect: ['https://api.example.net', 'https://API.example.net/', 'http://localhost:8080'] }), URL_)
    expect(parsed.problems).toEqual([])
    expect(parsed.connect).toEqual(['https://api.example.net', 'http://localhost:8080'])
    expect(parsed.entries[0]!.connect).toEqual(['https://api.example.net', 'http://localhost:8080'])
  })

  it.each([
    ['not a list', 'https://api.example.net', 'connect: must be a list of http(s) origins'],
    ['a path', ['https://api.example.net/v1'], 'connect[0]: must be an http(s) origin like https://api.example.org'],
    ['a query', ['https://api.example.net/?k=1'], 'connect[0]: must be an http(s) origin like https://api.example.org'],
    ['credentials', ['https://user@api.example.net'], 'connect[0]: must be an http(s) origin like https://api.example.org'],
    ['another scheme', ['wss://api.example.net'], 'connect[0]: must be an http(s) origin like https://api.example.org'],
    ['not a string', [42], 'connect[0]: must be an http(s) origin like https://api.example.org'],
    ['a wildcard', ['*'], 'connect[0]: must be an http(s) origin like https://api.example.org'],
    [
      '21 origins',
      Array.from({ length: 21 }, (_, index) => `https://h${index}.example.net`),
      'connect: lists 21 origins, more than the 20 a registry may list',
    ],
  ])('refuses %s, and the plugins still load without it', (_, connect, expected) => {
    const parsed = parseManifest(manifest({ a: './a.js' }, { connect }), URL_)
    expect(parsed.problems.map(describeProblem)).toEqual([`Invalid manifest ${URL_}: ${expected}`])
    expect(parsed.entries.map((entry) => [entry.name, entry.connect])).toEqual([['a', undefined]])
  })
})
