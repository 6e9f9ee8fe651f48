import { errorMessage } from '../../core/errorMessage'
import { moduleLabel } from '../../core/localPlugins'
import { diagnoseModuleFetch } from '../fetchDiagnosis'

const OPAQUE_FETCH_FAILURE = 'Failed to fetch dynamically imported module'

/**
 * Browsers report a 404, a CORS refusal, a wrong MIME type and a failing nested import all as the same
 * opaque error. This finds the real cause by fetching the module again from this same opaque origin.
 */
export async function diagnoseImportFailure(moduleUrl: string, error: unknown): Promise<string> {
  if (error instanceof SyntaxError) return `syntax error in ${moduleLabel(moduleUrl)}: ${error.message}`
  const message = errorMessage(error)
  if (!message.includes(OPAQUE_FETCH_FAILURE)) {
    const name = error instanceof Error ? error.name : 'Error'
    return `the module threw while being imported: ${name}: ${message}`
  }
  return (await diagnoseModuleFetch(moduleUrl)) ?? (await diagnoseNestedImport(moduleUrl)) ?? `could not import ${moduleLabel(moduleUrl)} (${message})`
}

/** A module the plugin imports may be the one that failed: Resource Timing records its status. */
async function diagnoseNestedImport(moduleUrl: string): Promise<string | undefined> {
  const entries = performance.getEntriesByType('resource') as Array<PerformanceResourceTiming & { responseStatus?: number }>
  for (const entry of entries) {
    if (entry.name === moduleUrl) continue
    if (entry.responseStatus !== undefined && entry.responseStatus >= 200 && entry.responseStatus < 400) continue
    const cause = await diagnoseModuleFetch(entry.name)
    if (cause) return `a module it imports failed to load: ${cause}`
  }
  return undefined
}
