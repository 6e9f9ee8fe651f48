import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { docPages, renderDocPage } from '../../../tooling/docsSite'

/** A repository with the given files, for the site to be built from. */
function repository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'docs-site-'))
  for (const [path, text] of Object.entries({ 'README.md': '# Project\n', 'public/plugins/hello/README.md': '# hello\n', ...files })) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

function render(root: string, source: string): string {
  const pages = docPages(root)
  return renderDocPage(
    root,
    pages.find((page) => page.source === source)!,
    pages,
  )
}

describe('the documentation site', () => {
  it('serves docs/*.md, the README and the plugin manuals as pages under docs/', () => {
    const root = repository({ 'docs/README.md': '# Docs\n', 'docs/guide.md': '# Guide\n' })
    expect(docPages(root)).toEqual([
      { source: 'docs/README.md', page: 'docs/index.html' },
      { source: 'docs/guide.md', page: 'docs/guide.html' },
      { source: 'README.md', page: 'docs/overview.html' },
      { source: 'public/plugins/hello/README.md', page: 'docs/hello.html' },
    ])
  })

  it('turns links between the Markdown files into links between the pages, keeping anchors, and names headings', () => {
    const root = repository({
      'docs/README.md':
        '# Docs\n\n[Guide](guide.md#set-up) [hello](../public/plugins/hello/README.md) [readme](../README.md) [file](../public/registry.json) [web](https://example.org/x.md)\n',
      'docs/guide.md': '# Guide\n\n## Set up\n\n## Set up\n',
    })
    const index = render(root, 'docs/README.md')
    for (const href of ['guide.html#set-up', 'hello.html', 'overview.html', '../registry.json', 'https://example.org/x.md'])
      expect(index).toContain(`href="${href}"`)
    expect(render(root, 'docs/guide.md')).toMatch(/<h2 id="set-up">Set up<\/h2>\s*<h2 id="set-up-1">Set up<\/h2>/)
  })

  it('refuses a link to a file of the repository that the site does not serve', () => {
    const root = repository({ 'docs/README.md': '# Docs\n\nSee [the source](../src/main.ts).\n' })
    expect(() => render(root, 'docs/README.md')).toThrow(
      'docs/README.md: the link ../src/main.ts leads to src/main.ts, which the documentation site does not serve',
    )
  })

  it('shows HTML written in the Markdown as text', () => {
    const root = repository({ 'docs/README.md': '# Docs <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n' })
    const page = render(root, 'docs/README.md')
    expect(page).not.toContain('<img')
    expect(page).not.toContain('<script>alert')
    expect(page).toContain('<title>Docs &lt;script&gt;alert(1)&lt;/script&gt; · Strataregula Playground</title>')
  })
})
