// What the first load downloads: the module script of index.html and what it imports statically, gzipped;
// and the chunks loaded later, when needed.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface BundleSizes {
  /** Gzipped bytes of the entry script and its static imports (index.html's module script and modulepreloads). */
  initialGzipBytes: number
  initialFiles: string[]
  /** Gzipped bytes of every other JavaScript file of the build. */
  lazyGzipBytes: number
  lazyFiles: number
}

export async function measureBundleSizes(outDir: string): Promise<BundleSizes> {
  const html = await readFile(join(outDir, 'index.html'), 'utf8')
  const initialFiles = [...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((match) => match[1])
  const allFiles = (await readdir(outDir, { recursive: true })).map(String).filter((file) => file.endsWith('.js'))
  const gzipped = async (file: string) => gzipSync(await readFile(join(outDir, file))).length
  const sum = async (files: string[]) => (await Promise.all(files.map(gzipped))).reduce((total, size) => total + size, 0)
  const lazy = allFiles.filter((file) => !initialFiles.includes(file) && file.startsWith('assets/'))
  return { initialGzipBytes: await sum(initialFiles), initialFiles, lazyGzipBytes: await sum(lazy), lazyFiles: lazy.length }
}
