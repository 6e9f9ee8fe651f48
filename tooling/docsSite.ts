import { readdirSync, readFileSync } from 'node:fs'
import { posix } from 'node:path'
import MarkdownIt from 'markdown-it'

/** One page of the documentation site: a Markdown file of the repository and where its HTML is served. */
export interface DocPage {
  source: string
  page: string
}

/**
 * The documentation site served beside the app under `docs/`: every `docs/*.md` (its README as the index),
 * the project README, and the bundled plugins' manuals. Paths are relative to the repository's root.
 */
export function docPages(root: string): DocPage[] {
  const docs = readdirSync(`${root}/docs`)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ source: `docs/${name}`, page: `docs/${name === 'README.md' ? 'index' : name.slice(0, -3)}.html` }))
  const manuals = readdirSync(`${root}/public/plugins`)
    .sort()
    .map((plugin) => ({ source: `public/plugins/${plugin}/README.md`, page: `docs/${plugin}.html` }))
  return [...docs, { source: 'README.md', page: 'docs/overview.html' }, ...manuals]
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function slugger() {
  const seen = new Map<string, number>()
  return (text: string) => {
    const slug = text
      .toLowerCase()
      .trim()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-')
    const count = seen.get(slug) ?? 0
    seen.set(slug, count + 1)
    return count === 0 ? slug : `${slug}-${count}`
  }
}

/**
 * Where a link of `source` leads on the site: another page of the site, a file under `public/`, or elsewhere
 * on the web. A link to a file of the repository the site does not serve is an error, so docs cannot point
 * at nothing.
 */
function siteLink(href: string, source: DocPage, pages: readonly DocPage[]): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return href
  const [path = '', fragment] = href.split('#', 2)
  const target = posix.normalize(posix.join(posix.dirname(source.source), path))
  const served = pages.find((page) => page.source === target)?.page ?? (target.startsWith('public/') ? target.slice('public/'.length) : undefined)
  if (served === undefined) throw new Error(`${source.source}: the link ${href} leads to ${target}, which the documentation site does not serve`)
  const relative = posix.relative(posix.dirname(source.page), served)
  return fragment === undefined ? relative : `${relative}#${fragment}`
}

const STYLE = `
:root { color-scheme: light dark; --text: #1d2330; --muted: #5a6475; --bg: #ffffff; --code-bg: #f2f4f8; --link: #1f5fbf; --line: #d8dde6 }
@media (prefers-color-scheme: dark) { :root { --text: #e4e8ef; --muted: #a3adbd; --bg: #15181e; --code-bg: #222731; --link: #8ab4ff; --line: #343b48 } }
body { margin: 0; font: 16px/1.6 system-ui, sans-serif; color: var(--text); background: var(--bg) }
header, main { max-width: 52rem; margin: 0 auto; padding: 0 1rem }
header { padding-top: 1rem; border-bottom: 1px solid var(--line) }
header nav { display: flex; flex-wrap: wrap; gap: 1rem; padding-bottom: 0.75rem }
a { color: var(--link) }
code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; font-size: 0.9em; overflow-wrap: anywhere }
pre { background: var(--code-bg); padding: 0.75rem; border-radius: 6px; overflow-x: auto }
pre code { padding: 0; overflow-wrap: normal }
table { border-collapse: collapse; display: block; overflow-x: auto }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.6rem; text-align: left }
`

/** The HTML page of `page`, its links made links of the site. */
export function renderDocPage(root: string, page: DocPage, pages: readonly DocPage[]): string {
  const markdown = readFileSync(`${root}/${page.source}`, 'utf8')
  const md = new MarkdownIt({ html: false, linkify: true })
  const slug = slugger()
  md.renderer.rules.heading_open = (tokens, index, options, _env, self) => {
    tokens[index]!.attrSet('id', slug(tokens[index + 1]!.children?.map((child) => child.content).join('') ?? ''))
    return self.renderToken(tokens, index, options)
  }
  md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
    tokens[index]!.attrSet('href', siteLink(String(tokens[index]!.attrGet('href') ?? ''), page, pages))
    return self.renderToken(tokens, index, options)
  }
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1] ?? page.source
  const up = posix.relative(posix.dirname(page.page), '.') || '.'
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="${up}/favicon.svg" type="image/svg+xml">
<title>${md.utils.escapeHtml(title)} · Strataregula Playground</title>
<style>${STYLE}</style>
</head>
<body>
<header><nav aria-label="Site"><a href="${up}/">Playground</a><a href="${up}/help.html">Help</a><a href="index.html">Documentation</a></nav></header>
<main>
${md.render(markdown)}</main>
</body>
</html>
`
}
