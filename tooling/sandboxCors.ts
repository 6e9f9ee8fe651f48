import type { Connect, Plugin } from 'vite'

/**
 * Plugin sandboxes have an opaque origin, so everything they import must carry
 * `Access-Control-Allow-Origin: *`: the plugins (and Python wheels), the registry and the sandbox runtime. The dev server
 * serves the runtime as its source modules (which import only from src/runtime and src/core) plus Vite's
 * env module; nothing else of the project is opened to other origins.
 */
const SANDBOX_PATHS = ['/plugins/', '/py/', '/registry.json', '/runtime/']
const DEV_RUNTIME_PATHS = ['/src/runtime/', '/src/core/', '/node_modules/vite/dist/client/env.mjs']

function allowAnyOrigin(prefixes: string[]): Connect.NextHandleFunction {
  return (request, response, next) => {
    const path = request.url ?? ''
    if (prefixes.some((prefix) => path.startsWith(prefix))) response.setHeader('Access-Control-Allow-Origin', '*')
    next()
  }
}

export function sandboxCors(): Plugin {
  return {
    name: 'strataregula:sandbox-cors',
    configureServer(server) {
      server.middlewares.use(allowAnyOrigin([...SANDBOX_PATHS, ...DEV_RUNTIME_PATHS]))
    },
    configurePreviewServer(server) {
      server.middlewares.use(allowAnyOrigin(SANDBOX_PATHS))
    },
  }
}
