import { sandboxFrameDocument, sandboxFramePath } from 'virtual:sandbox-bundles'
import { isHttpUrl } from '../core/http'

/**
 * Where a host may name a site of its own for the sandbox frames, in index.html:
 * `<meta name="strataregula-sandbox-origin" content="https://{id}.sandbox.example.org">`. Each frame gets its own
 * `{id}`, so with a registrable domain per id (or `*.localhost`) Chromium gives every sandbox a process of its
 * own, which dies, looping worker and all, the moment its frame is removed. Without it, every sandbox frame is
 * a `srcdoc` document and they all share one process.
 */
export const SANDBOX_ORIGIN_META = 'strataregula-sandbox-origin'

let framesPlaced = 0

export function placeFrameDocument(frame: HTMLIFrameElement): void {
  const template = document.querySelector<HTMLMetaElement>(`meta[name="${SANDBOX_ORIGIN_META}"]`)?.content.trim()
  if (!template) {
    frame.srcdoc = sandboxFrameDocument
    return
  }
  framesPlaced += 1
  const origin = sandboxOrigin(template.replaceAll('{id}', `s${framesPlaced}`))
  frame.src = new URL(sandboxFramePath, `${origin}${new URL(document.baseURI).pathname}`).href
}

function sandboxOrigin(text: string): string {
  let url: URL | undefined
  try {
    url = new URL(text)
  } catch {
    url = undefined
  }
  if (!url || !isHttpUrl(url) || url.origin === location.origin) {
    throw new Error(`${SANDBOX_ORIGIN_META} must be an http(s) origin other than the playground's, not ${JSON.stringify(text)}`)
  }
  return url.origin
}
