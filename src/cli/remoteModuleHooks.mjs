// Module loader hooks of a plugin thread: plugins published on http(s) import as in a browser, relative imports
// included. Node resolves and loads only file:, data: and node: by itself.
const REMOTE = /^https?:/
const JAVASCRIPT_MIME = /^(text|application)\/(javascript|ecmascript|x-javascript)\b/i

export async function resolve(specifier, context, nextResolve) {
  if (REMOTE.test(specifier)) return { url: specifier, shortCircuit: true }
  if (context.parentURL && REMOTE.test(context.parentURL)) return { url: new URL(specifier, context.parentURL).href, shortCircuit: true }
  return nextResolve(specifier, context)
}

export async function load(url, context, nextLoad) {
  if (!REMOTE.test(url)) return nextLoad(url, context)
  let response
  try {
    response = await fetch(url)
  } catch {
    throw new Error(`network error: ${url} could not be reached`)
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url}`)
  const contentType = response.headers.get('content-type') ?? ''
  if (!JAVASCRIPT_MIME.test(contentType)) {
    throw new Error(`wrong MIME type "${contentType || 'none'}" for ${url} (a module must be served as JavaScript)`)
  }
  return { format: 'module', source: await response.text(), shortCircuit: true }
}
