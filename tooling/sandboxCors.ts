import type { Connect, Plugin } from 'vite'

/**
 * Plugin sandboxes have an opaque origin, so everything they import must carry
 * `Access-Control-Allow-Origin: *`: the plugins, Python wheels, the registry and its schema, and the sandbox
 * runtime (one bundled file under `/runtime/`, see sandboxBundles.ts). Nothing else of the project is opened
 * to other origins.
 */
const SANDBOX_PATHS = ['/plugins/', '/py/', '/registry.json', '/registry.schema.json', '/runtime/']

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
      server.middlewares.use(allowAnyOrigin(SANDBOX_PATHS))
    },
    configurePreviewServer(server) {
      server.middlewares.use(allowAnyOrigin(SANDBOX_PATHS))
    },
  }
}
