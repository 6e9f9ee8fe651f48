import { describe, expect, it } from 'vitest'
import type { ModulePluginEntry } from '../../../src/core/manifest/types'
import {
  countPlugins,
  filterOutcomeText,
  isMarkdownManual,
  matchesPluginFilter,
  pluginFacts,
  pluginSummaryText,
  type LoadState,
} from '../../../src/core/pluginListing'

const ENTRY: ModulePluginEntry = {
  kind: 'module',
  name: 'doe_runner',
  moduleUrl: 'https://plugins.example.org/doe/plugin.js',
  exportName: 'default',
  manifestUrl: 'https://plugins.example.org/registry.json',
  description: 'From the manifest',
  version: '0.0.1',
}
const INFO = { name: 'doe_runner', version: '0.1.0', description: 'Runs Design of Experiments cases', author: 'Strataregula Team' }

describe('pluginFacts', () => {
  it('prefers what the loaded plugin says, and uses the manifest before it is loaded', () => {
    expect(pluginFacts(ENTRY)).toEqual({ name: 'doe_runner', version: '0.0.1', description: 'From the manifest', author: undefined, docsUrl: undefined })
    expect(pluginFacts(ENTRY, INFO)).toMatchObject({ version: '0.1.0', description: 'Runs Design of Experiments cases', author: 'Strataregula Team' })
  })

  it.each([
    ['1,000 characters, kept whole', 'd'.repeat(1000), 'd'.repeat(1000)],
    ['a megabyte, cut to 1,000 with an ellipsis', 'd'.repeat(1024 * 1024), `${'d'.repeat(999)}…`],
    ['a cut that would split a surrogate pair', `${'d'.repeat(998)}😀😀`, `${'d'.repeat(998)}…`],
  ])('shows a description of %s', (_, description, shown) => {
    expect(pluginFacts(ENTRY, { ...INFO, description }).description).toBe(shown)
  })

  it('takes the manual from the manifest first, then from get_info().docs_url resolved against the module', () => {
    expect(pluginFacts({ ...ENTRY, docs: 'https://a.example/manual' }, { ...INFO, docs_url: 'https://b.example/' }).docsUrl).toBe('https://a.example/manual')
    expect(pluginFacts(ENTRY, { ...INFO, docs_url: 'docs/index.html' }).docsUrl).toBe('https://plugins.example.org/doe/docs/index.html')
  })

  it.each([
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a number', 7],
    ['an empty string', ''],
  ])('ignores %s as docs_url', (_, docsUrl) => {
    // A plugin's answer is checked at run time whatever its declared type.
    expect(pluginFacts(ENTRY, { ...INFO, docs_url: docsUrl as string }).docsUrl).toBeUndefined()
  })
})

describe('matchesPluginFilter', () => {
  const facts = pluginFacts(ENTRY, INFO)

  it.each([
    ['the name', 'DOE_run', true],
    ['the description', 'design of EXPERIMENTS', true],
    ['the author', 'strataregula team', true],
    ['surrounding spaces', '  doe  ', true],
    ['an empty filter', '', true],
    ['the version, which is not searched', '0.1.0', false],
    ['text that is nowhere', 'restaurant', false],
  ])('%s', (_, filterText, expected) => {
    expect(matchesPluginFilter(facts, filterText)).toBe(expected)
  })

  it('matches a plugin that has no description or author by its name only', () => {
    expect(matchesPluginFilter({ name: 'bare' }, 'bar')).toBe(true)
    expect(matchesPluginFilter({ name: 'bare' }, 'unknown')).toBe(false)
  })
})

describe('the summary', () => {
  it('counts loaded, failed and waiting (consent or loading) plugins', () => {
    const states: LoadState[] = ['ready', 'ready', 'failed', 'awaiting-consent', 'loading', 'listed', 'declined']
    expect(countPlugins(states)).toEqual({ total: 7, loaded: 2, failed: 1, waiting: 2 })
    expect(pluginSummaryText(countPlugins(states))).toBe('7 plugins, 2 loaded, 1 failed, 2 waiting')
  })

  it('leaves out failed and waiting when there are none, and writes thousands with a separator', () => {
    expect(pluginSummaryText({ total: 1000, loaded: 1000, failed: 0, waiting: 0 })).toBe('1,000 plugins, 1,000 loaded')
    expect(pluginSummaryText({ total: 1, loaded: 0, failed: 0, waiting: 0 })).toBe('1 plugin, 0 loaded')
    expect(pluginSummaryText(countPlugins([]))).toBe('0 plugins, 0 loaded')
  })

  it('says how many plugins the filter keeps', () => {
    expect(filterOutcomeText(2, 1000, 'gen')).toBe('2 of 1,000 plugins match')
    expect(filterOutcomeText(1, 3, 'hello')).toBe('1 of 3 plugins matches')
    expect(filterOutcomeText(0, 3, ' nothing ')).toBe('No plugin matches "nothing"')
  })
})

describe('isMarkdownManual', () => {
  it.each([
    ['https://a.example/plugins/x/README.md', true],
    ['https://a.example/guide.markdown?v=2', true],
    ['https://a.example/docs/', false],
    ['https://a.example/readme.md.html', false],
  ])('%s', (url, expected) => {
    expect(isMarkdownManual(url)).toBe(expected)
  })
})
