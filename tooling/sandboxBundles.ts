import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { build, type Plugin, type ResolvedConfig, type Rolldown } from 'vite'

/**
 * The code that runs inside plugin sandboxes, each bundled on its own with Vite's bundler, so that it is
 * served the same way by the dev server and by a build:
 * - the sandbox runtime (`src/runtime/sandbox/sandboxRuntime.ts`): one self-contained ES module that a
 *   sandbox's opaque-origin worker imports (a dev server's per-file modules would import Vite's client,
 *   which an opaque origin may not load). Dev serves it from memory at a stable path under `runtime/`;
 *   a build emits it under a content hash.
 * - the sandbox frame's document: the frame's script (`src/runtime/frame/sandboxFrame.ts`, one classic
 *   script, inlined) under the Content-Security-Policy every sandbox keeps (each plugin's own narrows it).
 *   The app uses it as a frame's `srcdoc`, and it is also served as `sandbox.html`, for hosts that serve the
 *   sandboxes from a site of their own (`strataregula-sandbox-origin`, see the README).
 * The app imports both as `virtual:sandbox-bundles`. In dev, an edit to their sources rebuilds them and
 * reloads the page.
 */
const VIRTUAL_ID = 'virtual:sandbox-bundles'
const RESOLVED_ID = `\0${VIRTUAL_ID}`
const RUNTIME_ENTRY = 'src/runtime/sandbox/sandboxRuntime.ts'
const FRAME_ENTRY = 'src/runtime/frame/sandboxFrame.ts'
const DEV_RUNTIME_FILE = 'runtime/sandbox-runtime.js'
const FRAME_FILE = 'sandbox.html'
// What any sandbox may need; each plugin's worker gets a narrower policy of its own on top of this one. Only a
// Python sandbox's policy keeps 'wasm-unsafe-eval'.
const FRAME_CSP = "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval' http: https: blob:; worker-src data: http: https:; connect-src http: https:"

interface Bundle {
  code: string
  /** Absolute paths of the source files in the bundle. */
  sources: string[]
}

async function bundle(config: ResolvedConfig, entry: string, format: 'es' | 'iife'): Promise<Bundle> {
  const result = await build({
    configFile: false,
    root: config.root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      minify: config.command === 'build' && config.build.minify !== false,
      sourcemap: false,
      lib: { entry: resolve(config.root, entry), formats: [format], name: 'sandbox' },
    },
  })
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  const chunk = outputs.flatMap((output) => output.output).find((file) => file.type === 'chunk' && file.isEntry)
  if (!chunk || chunk.type !== 'chunk') throw new Error(`bundling ${entry} produced no entry chunk`)
  return { code: chunk.code, sources: chunk.moduleIds.filter((id) => !id.startsWith('\0')) }
}

/** The frame's document, its script inlined: `code` is the whole HTML. */
async function frameDocument(config: ResolvedConfig): Promise<Bundle> {
  const script = await bundle(config, FRAME_ENTRY, 'iife')
  // Inlined into a <script> element, which the first `</script` would end.
  if (/<\/script/i.test(script.code)) throw new Error(`${FRAME_ENTRY} must not contain "</script"`)
  return { ...script, code: `<!doctype html><meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}"><script>${script.code}</script>` }
}

function contentHash(code: string): string {
  return createHash('sha256').update(code).digest('hex').slice(0, 10)
}

function virtualModule(runtimePath: string, frame: Bundle): string {
  return `export const sandboxRuntimePath = ${JSON.stringify(runtimePath)}\nexport const sandboxFrameDocument = ${JSON.stringify(frame.code)}\nexport const sandboxFramePath = ${JSON.stringify(FRAME_FILE)}\n`
}

export function sandboxBundles(): Plugin {
  let config: ResolvedConfig
  // Dev: built on first use, dropped when one of their sources changes.
  let runtime: Promise<Bundle> | undefined
  let frame: Promise<Bundle> | undefined

  return {
    name: 'strataregula:sandbox-bundles',
    configResolved(resolved) {
      config = resolved
    },
    resolveId: {
      filter: { id: /^virtual:sandbox-bundles$/ },
      handler: () => RESOLVED_ID,
    },
    load: {
      filter: { id: /^\0virtual:sandbox-bundles$/ },
      async handler() {
        if (config.command === 'serve') {
          frame ??= frameDocument(config)
          return virtualModule(DEV_RUNTIME_FILE, await frame)
        }
        const [builtRuntime, builtFrame] = await Promise.all([bundle(config, RUNTIME_ENTRY, 'es'), frameDocument(config)])
        const fileName = `runtime/sandbox-runtime-${contentHash(builtRuntime.code)}.js`
        this.emitFile({ type: 'asset', fileName, source: builtRuntime.code })
        this.emitFile({ type: 'asset', fileName: FRAME_FILE, source: builtFrame.code })
        return virtualModule(fileName, builtFrame)
      },
    },
    configureServer(server) {
      const served: Record<string, { type: string; build: () => Promise<Bundle>; forget: () => void }> = {
        [`${config.base}${DEV_RUNTIME_FILE}`]: {
          type: 'text/javascript; charset=utf-8',
          build: () => (runtime ??= bundle(config, RUNTIME_ENTRY, 'es')),
          forget: () => (runtime = undefined),
        },
        [`${config.base}${FRAME_FILE}`]: {
          type: 'text/html; charset=utf-8',
          build: () => (frame ??= frameDocument(config)),
          forget: () => (frame = undefined),
        },
      }
      server.middlewares.use((request, response, next) => {
        const file = served[request.url?.split('?')[0] ?? '']
        if (!file) return next()
        file.build().then(
          ({ code }) => {
            response.setHeader('Content-Type', file.type)
            response.setHeader('Cache-Control', 'no-cache')
            response.end(code)
          },
          (error: unknown) => {
            file.forget()
            next(error)
          },
        )
      })
      server.watcher.on('change', async (path) => {
        const [runtimeSources, frameSources] = await Promise.all([sourcesOf(runtime), sourcesOf(frame)])
        if (!runtimeSources.includes(path) && !frameSources.includes(path)) return
        // Running sandboxes keep the code they started with: a reload starts fresh ones.
        runtime = undefined
        frame = undefined
        const graph = server.environments.client.moduleGraph
        const module = graph.getModuleById(RESOLVED_ID)
        if (module) graph.invalidateModule(module)
        server.ws.send({ type: 'full-reload' })
      })
    },
  }
}

async function sourcesOf(built: Promise<Bundle> | undefined): Promise<string[]> {
  return built ? (await built.catch(() => ({ sources: [] }))).sources : []
}
