import type { Plugin } from 'vite'
import { buildWheels } from '../scripts/build-wheels.mjs'

/** Builds the project's Python plugins into `public/py/` before the dev server or a build starts, so they are served like any public file. */
export function pythonWheels(): Plugin {
  return {
    name: 'strataregula:python-wheels',
    async buildStart() {
      await buildWheels()
    },
  }
}
