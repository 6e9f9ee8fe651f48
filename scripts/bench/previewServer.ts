import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, preview } from 'vite'

export interface PreviewServer {
  /** The app's address, ending with `/`. */
  url: string
  /** The folder of the build it serves. */
  outDir: string
  /** Stops the server and removes the build. */
  close(): Promise<void>
}

/** Builds the app into a temporary folder and serves it with `vite preview`, on loopback, on a port the OS picks. */
export async function buildAndPreview(): Promise<PreviewServer> {
  const outDir = await mkdtemp(join(tmpdir(), 'strataregula-bench-'))
  const removeBuild = () => rm(outDir, { recursive: true, force: true })
  try {
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } })
    const server = await preview({ logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: true } })
    const url = server.resolvedUrls?.local[0]
    if (!url) {
      await server.close()
      throw new Error('vite preview did not say where it listens')
    }
    return {
      url,
      outDir,
      close: async () => {
        await server.close()
        await removeBuild()
      },
    }
  } catch (error) {
    await removeBuild()
    throw error
  }
}
