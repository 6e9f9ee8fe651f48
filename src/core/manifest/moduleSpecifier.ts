import { isHttpUrl } from '../http'

const JS_IDENTIFIER = /^[A-Za-z_$][\w$]*$/

export interface ModuleSpecifier {
  module: string
  exportName: string
}

/**
 * Splits the string form `MODULE:EXPORT`. The export is the text after the last `:` only when it is a
 * JavaScript identifier, so `https://host:8080/p.js` is a module URL with the default export.
 */
export function splitModuleSpecifier(spec: string): ModuleSpecifier {
  const colon = spec.lastIndexOf(':')
  if (colon > 0) {
    const tail = spec.slice(colon + 1)
    if (JS_IDENTIFIER.test(tail)) return { module: spec.slice(0, colon), exportName: tail }
  }
  return { module: spec, exportName: 'default' }
}

export function isJsIdentifier(text: string): boolean {
  return JS_IDENTIFIER.test(text)
}

/**
 * Resolves a module reference against the manifest URL, like an import map. Modules are http(s); a manifest
 * read from a file (the headless runner's local registries) may also name files.
 */
export function resolveModuleUrl(module: string, manifestUrl: string): { url: string } | { error: string } {
  let url: URL
  try {
    url = new URL(module, manifestUrl)
  } catch {
    return { error: `not a valid URL: ${JSON.stringify(module)}` }
  }
  const fileBeside = url.protocol === 'file:' && manifestUrl.startsWith('file:')
  if (!isHttpUrl(url) && !fileBeside) {
    return { error: `unsupported URL scheme "${url.protocol}" in ${JSON.stringify(module)} (use http or https)` }
  }
  return { url: url.href }
}
