// The performance suite: `npm run bench`, or `npm run bench -- <scenario> …` for some of them (see bench/scenarios.ts).
// Each scenario prints its figures beside their floors and writes them to bench/results/<scenario>.json.
// Not a test: nothing here asserts a time or a size.
import { mkdir, writeFile } from 'node:fs/promises'
import { buildAndPreview, type PreviewServer } from './bench/previewServer'
import { SCENARIOS } from './bench/scenarios'

const RESULTS_DIR = new URL('../bench/results/', import.meta.url)

const chosen = process.argv.slice(2)
const unknown = chosen.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name))
if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; there are ${SCENARIOS.map((scenario) => scenario.name).join(', ')}`)

let server: Promise<PreviewServer> | undefined
const context = { app: () => (server ??= buildAndPreview()) }
await mkdir(RESULTS_DIR, { recursive: true })
try {
  for (const scenario of SCENARIOS.filter((candidate) => chosen.length === 0 || chosen.includes(candidate.name))) {
    const figures = await scenario.run(context)
    const record = { scenario: scenario.name, measuredAt: new Date().toISOString(), node: process.version, figures }
    await writeFile(new URL(`${scenario.name}.json`, RESULTS_DIR), `${JSON.stringify(record, null, 2)}\n`)
    console.log('')
  }
} finally {
  await (await server)?.close()
}
