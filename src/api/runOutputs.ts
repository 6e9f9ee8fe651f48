import { errorMessage } from '../core/errorMessage'
import type { CapturedFile, RunOutputs } from '../core/runOutputs'
import type { WorkspaceFs } from '../core/workspace/types'

/** Reads the files a run wrote (by role, e.g. `metrics`), as they are when it ends, to keep them with the run. */
export async function captureRunOutputs(fs: WorkspaceFs, paths: Record<string, string>): Promise<RunOutputs> {
  try {
    const files = await Promise.all(
      Object.entries(paths).map(async ([role, path]): Promise<[string, CapturedFile]> => [role, { path, text: await fs.readText(path) }]),
    )
    return { files: Object.fromEntries(files) }
  } catch (error) {
    return { files: {}, error: `Could not read the files this run wrote: ${errorMessage(error)}` }
  }
}
