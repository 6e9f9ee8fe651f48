import { readdirSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'
import { init, parse } from 'es-module-lexer'

/** The build the browser tests run against (playwright.config.ts builds it there). */
export const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist'

export interface Chunk {
  /** Path inside the build, like `assets/index-abc.js`. */
  path: string
  gzipBytes: number
}

/**
 * The JavaScript a browser fetches before the first paint: the module scripts and modulepreloads of
 * index.html, and everything they import statically (dynamic imports load later, when needed).
 */
export async function firstLoadChunks(): Promise<Chunk[]> {
  await init
  const html = readFileSync(join(OUT_DIR, 'index.html'), 'utf8')
  const entries = [...html.matchAll(/<script type="module"[^>]* src="\/([^"]+)"/g), ...html.matchAll(/<link rel="modulepreload"[^>]* href="\/([^"]+)"/g)].map(
    (match) => match[1],
  )
  const seen = new Set<string>()
  const pending = [...entries]
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (seen.has(path)) continue
    seen.add(path)
    const [imports] = parse(readFileSync(join(OUT_DIR, path), 'utf8'))
    for (const specifier of imports) {
      // 1: a static import; relative to the importing chunk.
      if (specifier.t === 1 && specifier.n) pending.push(posix.join(posix.dirname(path), specifier.n))
    }
  }
  return [...seen].map(chunk)
}

/** Every other script of the app's page (not the sandbox runtime, which only plugin workers load). */
export function lazyChunks(firstLoad: readonly Chunk[]): Chunk[] {
  const initial = new Set(firstLoad.map((loaded) => loaded.path))
  return readdirSync(join(OUT_DIR, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`)
    .filter((path) => !initial.has(path))
    .map(chunk)
}

function chunk(path: string): Chunk {
  return { path, gzipBytes: gzipSync(readFileSync(join(OUT_DIR, path))).byteLength }
}

export function totalGzipBytes(chunks: readonly Chunk[]): number {
  return chunks.reduce((sum, loaded) => sum + loaded.gzipBytes, 0)
}
