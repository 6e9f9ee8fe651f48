import { resolveModuleUrl } from './manifest/moduleSpecifier'
import type { PluginEntry } from './manifest/types'
import type { PluginInfo } from './pluginContract'
import { countOf, formatCount } from './format'

/**
 * `listed`: declared but not imported yet (auto_load off); `awaiting-consent`: from an untrusted origin,
 * nothing requested until the user agrees; `declined`: the user said no, it loads only when asked to.
 */
export type LoadState = 'listed' | 'awaiting-consent' | 'declined' | 'loading' | 'ready' | 'failed'

/**
 * Whether a plugin starts only when it is used (Execute, Health, its Load button): a Python plugin costs a
 * CPython runtime, so listing it, or loading every plugin at page start, never starts one.
 */
export function startsOnFirstUse(entry: PluginEntry): boolean {
  return entry.kind === 'python'
}

/** What the Plugins panel shows of a plugin: its own `get_info()` once loaded, its manifest entry before. */
export interface PluginFacts {
  name: string
  version?: string
  description?: string
  author?: string
  /** The plugin's manual: the manifest entry's `docs`, else `get_info().docs_url`. */
  docsUrl?: string
}

/** A card shows this much of a description: a plugin may describe itself in megabytes. */
export const MAX_SHOWN_DESCRIPTION = 1000

function shortened(text: string | undefined): string | undefined {
  return text === undefined || text.length <= MAX_SHOWN_DESCRIPTION ? text : `${text.slice(0, MAX_SHOWN_DESCRIPTION - 1).replace(/[\uD800-\uDBFF]$/, '')}…`
}

export function pluginFacts(entry: PluginEntry, info?: PluginInfo): PluginFacts {
  return {
    name: entry.name,
    version: info?.version ?? entry.version,
    description: shortened(info?.description ?? entry.description),
    author: info?.author || undefined,
    docsUrl: (entry.kind === 'module' ? entry.docs : undefined) ?? infoDocsUrl(entry, info),
  }
}

/** `get_info().docs_url` when it is an http(s) URL (a relative one is resolved against the module, or the manifest of a wheel). */
function infoDocsUrl(entry: PluginEntry, info?: PluginInfo): string | undefined {
  const docsUrl = info?.docs_url
  if (typeof docsUrl !== 'string' || docsUrl === '') return undefined
  const resolved = resolveModuleUrl(docsUrl, entry.kind === 'module' ? entry.moduleUrl : entry.manifestUrl)
  return 'url' in resolved ? resolved.url : undefined
}

/** What the filter looks through: name, description and author, lower-cased, one per line. */
export function pluginSearchText(facts: PluginFacts): string {
  return [facts.name, facts.description, facts.author]
    .filter((field) => field !== undefined)
    .join('\n')
    .toLowerCase()
}

/** The filter text as it is matched: trimmed and lower-cased; '' keeps every plugin. */
export function normalizedFilter(filterText: string): string {
  return filterText.trim().toLowerCase()
}

/** Whether the name, description or author contains the filter text, ignoring case; an empty filter keeps all. */
export function matchesPluginFilter(facts: PluginFacts, filterText: string): boolean {
  return pluginSearchText(facts).includes(normalizedFilter(filterText))
}

export interface PluginCounts {
  total: number
  loaded: number
  failed: number
  /** Plugins whose load has not ended: waiting for the user's consent, or loading. */
  waiting: number
}

export function countPlugins(states: Iterable<LoadState>): PluginCounts {
  const counts: PluginCounts = { total: 0, loaded: 0, failed: 0, waiting: 0 }
  for (const state of states) {
    counts.total += 1
    if (state === 'ready') counts.loaded += 1
    else if (state === 'failed') counts.failed += 1
    else if (state === 'awaiting-consent' || state === 'loading') counts.waiting += 1
  }
  return counts
}

/** `3 plugins, 1 loaded, 1 failed, 1 waiting` (spec §6); failed and waiting only when there are any. */
export function pluginSummaryText(counts: PluginCounts): string {
  const parts = [countOf(counts.total, 'plugin'), `${formatCount(counts.loaded)} loaded`]
  if (counts.failed > 0) parts.push(`${formatCount(counts.failed)} failed`)
  if (counts.waiting > 0) parts.push(`${formatCount(counts.waiting)} waiting`)
  return parts.join(', ')
}

/** How many plugins the filter keeps: `2 of 1,000 plugins match`, or `No plugin matches "x"`. */
export function filterOutcomeText(matching: number, total: number, filterText: string): string {
  if (matching === 0) return `No plugin matches "${filterText.trim()}"`
  return `${formatCount(matching)} of ${countOf(total, 'plugin')} ${matching === 1 ? 'matches' : 'match'}`
}

/** A Markdown manual is shown inside the playground; any other is a page of its own. */
export function isMarkdownManual(url: string): boolean {
  return /\.(md|markdown)$/i.test(new URL(url).pathname)
}
