import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { build, type Plugin, type ResolvedConfig, type Rolldown } from 'vite'

/**
 * The code that runs inside plugin sandboxes, each bundled on its own with Vite's bundler, so that it is
 * served the same way by the dev server and by a build:
 * - the sandbox runtimes (`src/runtime/sandbox/sandboxRuntime.ts` for ES-module plugins,
 *   `src/runtime/python/pythonSandboxRuntime.ts` for Python ones): each one self-contained ES module that a
 *   sandbox's opaque-origin worker imports (a dev server's per-file modules would import Vite's client,
 *   which an opaque origin may not load). Dev serves them from memory at stable paths under `runtime/`;
 *   a build emits them under a content hash.
 * - the sandbox frame's document: the frame's script (`src/runtime/frame/sandboxFrame.ts`, one classic
 *   script, inlined) under the Content-Security-Policy every sandbox keeps (each plugin's own narrows it).
 *   The app uses it as a frame's `srcdoc`, and it is also served as `sandbox.html`, for hosts that serve the
 *   sandboxes from a site of their own (`strataregula-sandbox-origin`, see the README).
 * The app imports both as `virtual:sandbox-bundles`. In dev, an edit to their sources rebuilds them and
 * reloads the page.
 */
const VIRTUAL_ID = 'virtual:sandbox-bundles'
const RESOLVED_ID = `\0${VIRTUAL_ID}`
const FRAME_ENTRY = 'src/runtime/frame/sandboxFrame.ts'
/** Each runtime by the name the virtual module exports its path as. */
const RUNTIMES = {
  sandboxRuntimePath: { entry: 'src/runtime/sandbox/sandboxRuntime.ts', name: 'sandbox-runtime' },
  pythonRuntimePath: { entry: 'src/runtime/python/pythonSandboxRuntime.ts', name: 'python-sandbox-runtime' },
} as const
type RuntimeName = keyof typeof RUNTIMES
const RUNTIME_NAMES = Object.keys(RUNTIMES) as RuntimeName[]
const devRuntimeFile = (runtime: RuntimeName) => `runtime/${RUNTIMES[runtime].name}.js`
const FRAME_FILE = 'sandbox.html'
// What any sandbox may need; each plugin's worker gets a narrower policy of its own on top of this one. Only a
// Python sandbox's policy keeps 'wasm-unsafe-eval'.
const FRAME_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval' http: https: blob: data:; worker-src data: http: https:; connect-src http: https:"

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

function virtualModule(runtimePaths: Record<RuntimeName, string>, frame: Bundle): string {
  const paths = RUNTIME_NAMES.map((runtime) => `export const ${runtime} = ${JSON.stringify(runtimePaths[runtime])}\n`).join('')
  return `${paths}export const sandboxFrameDocument = ${JSON.stringify(frame.code)}\nexport const sandboxFramePath = ${JSON.stringify(FRAME_FILE)}\n`
}

export function sandboxBundles(): Plugin {
  let config: ResolvedConfig
  // Dev: built on first use, dropped when one of their sources changes.
  const runtimes = new Map<RuntimeName, Promise<Bundle>>()
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
          return virtualModule(
            Object.fromEntries(RUNTIME_NAMES.map((runtime) => [runtime, devRuntimeFile(runtime)])) as Record<RuntimeName, string>,
            await frame,
          )
        }
        const [builtFrame, ...builtRuntimes] = await Promise.all([
          frameDocument(config),
          ...RUNTIME_NAMES.map((runtime) => bundle(config, RUNTIMES[runtime].entry, 'es')),
        ])
        const paths = Object.fromEntries(
          RUNTIME_NAMES.map((runtime, index) => {
            const fileName = `runtime/${RUNTIMES[runtime].name}-${contentHash(builtRuntimes[index].code)}.js`
            this.emitFile({ type: 'asset', fileName, source: builtRuntimes[index].code })
            return [runtime, fileName]
          }),
        ) as Record<RuntimeName, string>
        this.emitFile({ type: 'asset', fileName: FRAME_FILE, source: builtFrame.code })
        return virtualModule(paths, builtFrame)
      },
    },
    configureServer(server) {
      const runtimeFile = (runtime: RuntimeName) => ({
        type: 'text/javascript; charset=utf-8',
        build: () => {
          if (!runtimes.has(runtime)) runtimes.set(runtime, bundle(config, RUNTIMES[runtime].entry, 'es'))
          return runtimes.get(runtime)!
        },
        forget: () => runtimes.delete(runtime),
      })
      const served: Record<string, { type: string; build: () => Promise<Bundle>; forget: () => void }> = {
        ...Object.fromEntries(RUNTIME_NAMES.map((runtime) => [`${config.base}${devRuntimeFile(runtime)}`, runtimeFile(runtime)])),
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
        const sources = await Promise.all([...runtimes.values(), frame].map(sourcesOf))
        if (!sources.some((files) => files.includes(path))) return
        // Running sandboxes keep the code they started with: a reload starts fresh ones.
        runtimes.clear()
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
