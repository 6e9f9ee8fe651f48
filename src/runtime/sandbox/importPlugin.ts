import { diagnoseModuleFetch } from '../fetchDiagnosis'
import { diagnoseImportFailure } from './diagnoseImport'
import { LoadFailure } from './loadFailure'

type ModuleNamespace = Record<string, unknown>

/** Imports the plugin module, turning every failure into a LoadFailure that names its real cause. */
export async function importPlugin(moduleUrl: string, integrity?: string): Promise<ModuleNamespace> {
  if (integrity) return importVerified(moduleUrl, integrity)
  try {
    return (await import(/* @vite-ignore */ moduleUrl)) as ModuleNamespace
  } catch (error) {
    throw new LoadFailure(await diagnoseImportFailure(moduleUrl, error))
  }
}

/**
 * `import()` has no integrity option: fetch the bytes with SRI, then import them from a blob: URL.
 * Relative imports cannot work from there, so an integrity-checked plugin must be a single file.
 */
async function importVerified(moduleUrl: string, integrity: string): Promise<ModuleNamespace> {
  let source: ArrayBuffer
  try {
    const response = await fetch(moduleUrl, { integrity, cache: 'no-store' })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    source = await response.arrayBuffer()
  } catch {
    const cause = await diagnoseModuleFetch(moduleUrl)
    throw new LoadFailure(cause ?? `integrity check failed: the bytes of ${moduleUrl} do not match ${integrity}`)
  }
  const blobUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
  try {
    return (await import(/* @vite-ignore */ blobUrl)) as ModuleNamespace
  } catch (error) {
    throw new LoadFailure(await diagnoseImportFailure(moduleUrl, error))
  } finally {
    URL.revokeObjectURL(blobUrl)
  }
}
