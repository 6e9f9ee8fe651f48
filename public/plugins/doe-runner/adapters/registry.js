// The backends a case can name. simroute needs an extra package in 0.1.0 and is never
// available here, so its cases fail with "Unknown backend: simroute".
import { dummyAdapter } from './dummy.js'
import { shellAdapter } from './shell.js'

/** @type {Map<string, { description: string, run(caseRow: Map<string, string>, limits: object, unseededRandom?: object): Promise<Record<string, unknown>> }>} */
export const adapters = new Map([
  ['shell', shellAdapter],
  ['dummy', dummyAdapter],
])

/** The `adapters` member of get_adapters(). */
export function describeAdapters() {
  return {
    shell: { available: true, description: shellAdapter.description },
    dummy: { available: true, description: dummyAdapter.description },
    simroute: {
      available: false,
      description: 'World-simulation backend',
      reason: 'Needs the strataregula simroute extra, which does not run in a browser',
    },
  }
}
