import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Connect, Plugin } from 'vite'
import { PYTHON_RUNTIME_DIR, PYTHON_RUNTIME_FILES } from '../src/runtime/python/runtimeDir.ts'

const URL_PREFIX = `/${PYTHON_RUNTIME_DIR}`
const CONTENT_TYPES: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json',
}

function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))
}

function contentType(file: string): string {
  return CONTENT_TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream'
}

/** Python sandboxes have an opaque origin: the runtime's files need CORS, and the wasm its own MIME type to compile while downloading. */
function runtimeHeaders(serveFromPackage: boolean): Connect.NextHandleFunction {
  return (request, response, next) => {
    const path = (request.url ?? '').split('?')[0]
    if (!path.startsWith(URL_PREFIX)) return next()
    const file = path.slice(URL_PREFIX.length)
    if (!PYTHON_RUNTIME_FILES.includes(file)) return next()
    response.setHeader('Access-Control-Allow-Origin', '*')
    response.setHeader('Content-Type', contentType(file))
    if (!serveFromPackage) return next()
    response.end(readFileSync(join(packageDir(), file)))
  }
}

/**
 * The Python runtime (the `pyodide` npm package) served from the playground's own site under
 * `/pyodide/`: copied into the build, served from node_modules by the dev server.
 */
export function pythonRuntime(): Plugin {
  return {
    name: 'strataregula:python-runtime',
    configureServer(server) {
      server.middlewares.use(runtimeHeaders(true))
    },
    configurePreviewServer(server) {
      server.middlewares.use(runtimeHeaders(false))
    },
    generateBundle() {
      for (const file of PYTHON_RUNTIME_FILES) {
        this.emitFile({ type: 'asset', fileName: `${PYTHON_RUNTIME_DIR}${file}`, source: readFileSync(join(packageDir(), file)) })
      }
    },
  }
}
