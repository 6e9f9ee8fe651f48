import type { Plugin } from 'vite'
import { docPages, renderDocPage } from './docsSite.ts'

/**
 * Serves the documentation (`docs/`, the README, the bundled plugins' manuals) as HTML pages under `docs/`:
 * rendered on each request by the dev server, so edits show on reload, and written into the build.
 */
export function docsPages(): Plugin {
  let root = process.cwd()
  return {
    name: 'strataregula:docs-pages',
    configResolved(config) {
      root = config.root
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = new URL(request.url ?? '/', 'http://dev.invalid').pathname.slice(1)
        const pages = docPages(root)
        const page = pages.find((candidate) => candidate.page === path)
        if (!page) return next()
        response.setHeader('Content-Type', 'text/html; charset=utf-8')
        response.end(renderDocPage(root, page, pages))
      })
    },
    generateBundle() {
      const pages = docPages(root)
      for (const page of pages) this.emitFile({ type: 'asset', fileName: page.page, source: renderDocPage(root, page, pages) })
    },
  }
}
