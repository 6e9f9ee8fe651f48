import { fileURLToPath } from 'node:url'
import { errorMessage } from '../core/errorMessage'
import { httpStatusMessage } from '../core/http'
import { LoadFailure } from '../runtime/sandbox/loadFailure'

type ModuleNamespace = Record<string, unknown>

/**
 * Imports a plugin module in a plugin thread, every failure a LoadFailure naming its cause, as in the browser.
 * Integrity-checked modules are verified first and imported from their bytes, so they must be single files there too.
 */
export async function importInNode(moduleUrl: string, integrity?: string): Promise<ModuleNamespace> {
  const target = integrity ? await verifiedModuleUrl(moduleUrl, integrity) : moduleUrl
  try {
    return (await import(target)) as ModuleNamespace
  } catch (error) {
    throw new LoadFailure(describeImportFailure(moduleUrl, error))
  }
}

function describeImportFailure(moduleUrl: string, error: unknown): string {
  if (error instanceof SyntaxError) return `syntax error in ${moduleUrl}: ${error.message}`
  const message = errorMessage(error)
  const missing = /^Cannot find module '(.+)' imported from (.+)$/.exec(message)
  if (missing) {
    const [, path, importer] = missing
    // Node names this file as the importer of the plugin's own module.
    return importer === fileURLToPath(import.meta.url)
      ? `module not found: ${path}`
      : `a module it imports failed to load: module not found: ${path} (imported from ${importer})`
  }
  // The remote module hooks already word their failures as causes.
  if (/^(HTTP \d|network error|wrong MIME type)/.test(message)) return message
  const name = error instanceof Error ? error.name : 'Error'
  return `the module threw while being imported: ${name}: ${message}`
}

async function verifiedModuleUrl(moduleUrl: string, integrity: string): Promise<string> {
  const bytes = await readModuleBytes(moduleUrl)
  const [algorithm, expected] = [integrity.slice(0, integrity.indexOf('-')), integrity.slice(integrity.indexOf('-') + 1)]
  const digest = await crypto.subtle.digest(algorithm.replace('sha', 'SHA-'), bytes)
  if (Buffer.from(digest).toString('base64') !== expected) {
    throw new LoadFailure(`integrity check failed: the bytes of ${moduleUrl} do not match ${integrity}`)
  }
  return `data:text/javascript;base64,${Buffer.from(bytes).toString('base64')}`
}

async function readModuleBytes(moduleUrl: string): Promise<Uint8Array<ArrayBuffer>> {
  try {
    if (moduleUrl.startsWith('file:')) {
      const { readFile } = await import('node:fs/promises')
      return new Uint8Array(await readFile(new URL(moduleUrl)))
    }
    const response = await fetch(moduleUrl)
    if (!response.ok) throw new Error(httpStatusMessage(response, moduleUrl))
    return new Uint8Array(await response.arrayBuffer())
  } catch (error) {
    throw new LoadFailure(`could not read ${moduleUrl}: ${errorMessage(error)}`)
  }
}
