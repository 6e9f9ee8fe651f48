import { normalizeFilePath } from './paths'

/**
 * The sample paths listed by `samples/index.json` (`{"files": ["cases.csv", "doe/cases-shell.csv"]}`).
 * A listing that is not of that shape, or names a path outside the workspace, is refused with a reason.
 */
export function parseSampleIndex(json: unknown): string[] {
  const files = (json as { files?: unknown } | null)?.files
  if (typeof json !== 'object' || json === null || !Array.isArray(files)) {
    throw new Error('the sample index must be an object with a "files" array')
  }
  return files.map((path, index) => {
    if (typeof path !== 'string') throw new Error(`files[${index}] must be a string`)
    return normalizeFilePath(path)
  })
}
