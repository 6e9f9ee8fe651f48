import { errorMessage } from '../../core/errorMessage'
import { httpStatusMessage } from '../../core/http'
import { parseSampleIndex } from '../../core/workspace/sampleIndex'
import type { WorkspaceFile } from '../../core/workspace/types'

/**
 * The app's sample files: `samples/index.json` under the app's base URL lists them, and each is served
 * next to it. Any failure rejects with `Could not load the samples: <reason>`, so samples come all or none.
 */
export async function fetchSamples(): Promise<WorkspaceFile[]> {
  const samplesUrl = new URL(`${import.meta.env.BASE_URL}samples/`, location.href)
  try {
    const paths = parseSampleIndex(await (await fetchOk(new URL('index.json', samplesUrl))).json())
    return await Promise.all(
      paths.map(async (path) => {
        const response = await fetchOk(new URL(path.split('/').map(encodeURIComponent).join('/'), samplesUrl))
        return { path, bytes: new Uint8Array(await response.arrayBuffer()) }
      }),
    )
  } catch (error) {
    throw new Error(`Could not load the samples: ${errorMessage(error)}`)
  }
}

async function fetchOk(url: URL): Promise<Response> {
  // Revalidated, so restoring after an update brings the new samples.
  const response = await fetch(url, { cache: 'no-cache' })
  if (!response.ok) throw new Error(httpStatusMessage(response, url.href))
  return response
}
