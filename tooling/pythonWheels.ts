import type { Plugin } from 'vite'
import { buildWheels, PYTHON_SOURCES } from '../scripts/build-wheels.mjs'

/**
 * Builds the project's Python plugins into `public/py/` before the dev server or a build starts, so they are
 * served like any public file; the dev server rebuilds them when their sources change.
 */
export function pythonWheels(): Plugin {
  return {
    name: 'strataregula:python-wheels',
    async buildStart() {
      await buildWheels()
    },
    configureServer(server) {
      server.watcher.add(PYTHON_SOURCES)
      server.watcher.on('all', (_, path) => {
        if (path.startsWith(PYTHON_SOURCES) && !path.includes('__pycache__')) void buildWheels().catch((error) => server.config.logger.error(String(error)))
      })
    },
  }
}
