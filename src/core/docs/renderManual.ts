import MarkdownIt from 'markdown-it'

/**
 * A plugin's Markdown manual as HTML safe to put into the page: HTML written in the Markdown is shown as
 * text, never as markup, and `javascript:`, `vbscript:`, `file:` and non-image `data:` links are dropped
 * (markdown-it's own link check). Relative links and images are resolved against the manual's URL
 * and links open in a new tab, so reading a manual never navigates the playground away.
 */
export function renderManual(markdown: string, manualUrl: string): string {
  const md = new MarkdownIt({ html: false, linkify: true })
  const normalizeLink = md.normalizeLink.bind(md)
  md.normalizeLink = (url) => normalizeLink(resolveAgainst(url, manualUrl))
  md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
    tokens[index].attrSet('target', '_blank')
    tokens[index].attrSet('rel', 'noopener noreferrer')
    return self.renderToken(tokens, index, options)
  }
  return md.render(markdown)
}

function resolveAgainst(url: string, base: string): string {
  try {
    return new URL(url, base).href
  } catch {
    return url
  }
}
