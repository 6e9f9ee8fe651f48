import { describe, expect, it } from 'vitest'
import { compressJson } from '../../../src/core/compressedJson'
import { schemaIssues } from '../../../src/core/manifest/schemaCheck'
import {
  builderIssues,
  decodeSharedManifest,
  emptyDraft,
  encodeSharedManifest,
  manifestOfDraft,
  manifestText,
  sharedRegistryUrl,
  type RegistryDraft,
} from '../../../src/core/registryBuilder'

const PAGE = 'https://play.example/app/?registry=x#run=y'
const SCHEMA = 'https://play.example/app/registry.schema.json'

function draftOf(change: (draft: RegistryDraft) => void = () => {}): RegistryDraft {
  const draft = emptyDraft()
  draft.name = ' My plugins '
  draft.plugins.push({ name: 'hello', module: 'https://cdn.example/hello.js', exportName: '', integrity: '' })
  draft.plugins.push({ name: 'other', module: 'https://cdn.example/other.js', exportName: 'Other', integrity: 'sha384-abc' })
  draft.wheels.push({ url: 'https://cdn.example/demo-1.0-py3-none-any.whl', integrity: '' })
  change(draft)
  return draft
}

const issuesOf = (draft: RegistryDraft) => {
  const manifest = manifestOfDraft(draft, SCHEMA)
  return [...builderIssues(draft, manifest, sharedRegistryUrl(PAGE)), ...schemaIssues(manifest)]
}

describe('manifestOfDraft', () => {
  it('writes the short form when there is nothing but a module, and leaves out empty fields', () => {
    expect(manifestOfDraft(draftOf(), SCHEMA)).toEqual({
      $schema: SCHEMA,
      name: 'My plugins',
      'entry-points': {
        'strataregula.plugins': {
          hello: 'https://cdn.example/hello.js',
          other: { module: 'https://cdn.example/other.js', export: 'Other', integrity: 'sha384-abc' },
        },
      },
      wheels: ['https://cdn.example/demo-1.0-py3-none-any.whl'],
    })
    expect(manifestText({ a: 1 })).toBe('{\n  "a": 1\n}\n')
  })

  it('is valid for the parser and the schema alike', () => {
    expect(issuesOf(draftOf())).toEqual([])
  })
})

describe('builderIssues', () => {
  it.each<[string, (draft: RegistryDraft) => void, Array<{ path: string; message: string }>]>([
    [
      'a relative module URL',
      (d) => (d.plugins[0].module = './hello.js'),
      [{ path: 'entry-points."strataregula.plugins".hello', message: 'must be an absolute URL (https://…)' }],
    ],
    [
      'a module on another scheme',
      (d) => (d.plugins[1].module = 'ftp://cdn.example/o.js'),
      [{ path: 'entry-points."strataregula.plugins".other.module', message: 'unsupported URL scheme "ftp:" in "ftp://cdn.example/o.js" (use http or https)' }],
    ],
    [
      'a name used twice',
      (d) => (d.plugins[1].name = 'hello'),
      [{ path: 'entry-points."strataregula.plugins".hello', message: 'plugin 2 repeats the name "hello"' }],
    ],
    [
      'a bad plugin name',
      (d) => (d.plugins[0].name = 'no spaces'),
      [
        { path: 'entry-points."strataregula.plugins"."no spaces"', message: 'plugin name must match [A-Za-z0-9_.-]+' },
        { path: 'entry-points."strataregula.plugins"', message: 'schema: property name must be valid' },
      ],
    ],
    [
      'a wheel that is not a wheel',
      (d) => (d.wheels[0].url = 'https://cdn.example/demo.zip'),
      [{ path: 'wheels[0]', message: 'not a wheel file name: "demo.zip" (name-version-python-abi-platform.whl expected)' }],
    ],
  ])('%s', (_, change, expected) => {
    expect(issuesOf(draftOf(change))).toEqual(expect.arrayContaining(expected))
    expect(issuesOf(draftOf(change)).length).toBeGreaterThan(0)
  })
})

describe('shared registry links', () => {
  it('carry the manifest in the hash and read it back like a fetched manifest', async () => {
    const manifest = manifestOfDraft(draftOf(), SCHEMA)
    const encoded = await encodeSharedManifest(manifest)
    if (!encoded.ok) throw new Error(encoded.error)
    expect(encoded.hash).toMatch(/^manifest=[\w-]+$/)
    const decoded = await decodeSharedManifest(`#${encoded.hash}`, PAGE)
    if (!decoded?.ok) throw new Error('not decoded')
    expect(decoded.manifest.url).toBe('https://play.example/app/#shared-registry')
    expect(decoded.manifest.name).toBe('My plugins')
    expect(decoded.manifest.entries.map((entry) => entry.name)).toEqual(['hello', 'other'])
    expect(decoded.manifest.problems).toEqual([])
  })

  it('ignore a hash without a manifest', async () => {
    expect(await decodeSharedManifest('#run=abc', PAGE)).toBeUndefined()
  })

  it('refuse a manifest too large for a link, saying by how much', async () => {
    const draft = draftOf((d) => {
      for (let index = 0; index < 2000; index++)
        d.plugins.push({ name: `p${index}`, module: `https://cdn.example/${crypto.randomUUID()}.js`, exportName: '', integrity: '' })
    })
    const encoded = await encodeSharedManifest(manifestOfDraft(draft, SCHEMA))
    expect(encoded.ok).toBe(false)
    if (!encoded.ok)
      expect(encoded.error).toMatch(
        /^This registry is too large to share in a link: [\d,]+ characters compressed, the limit is 32,000\. Download it and host it instead\.$/,
      )
  })

  it.each([
    ['not base64', '#manifest=***', /^This registry link is damaged and was ignored \(/],
    ['not deflate', '#manifest=AAAA', /^This registry link is damaged and was ignored \(/],
  ])('report a damaged link: %s', async (_, hash, message) => {
    const decoded = await decodeSharedManifest(hash, PAGE)
    expect(decoded?.ok).toBe(false)
    if (decoded && !decoded.ok) expect(decoded.error).toMatch(message)
  })

  it('report a link that is not a manifest object, and one that expands past 1 MiB', async () => {
    expect(await decodeSharedManifest(`#manifest=${await compressJson(['a list'])}`, PAGE)).toEqual({
      ok: false,
      error: 'This registry link is damaged and was ignored (unexpected content)',
    })
    const bomb = await compressJson({ name: 'x'.repeat(2 * 1024 * 1024) })
    expect(bomb.length).toBeLessThan(32_000)
    expect(await decodeSharedManifest(`#manifest=${bomb}`, PAGE)).toEqual({
      ok: false,
      error: 'This registry link is damaged and was ignored (the shared registry is larger than 1 MiB)',
    })
  })
})
