import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildWheel } from '../../scripts/build-wheels.mjs'

const SOURCES = fileURLToPath(new URL('../../tests/fixtures/python/', import.meta.url))

/** The test plugins' wheels (tests/fixtures/python/), built on first request as the project builds its own. */
let built: Promise<Map<string, Uint8Array>> | undefined

export async function fixtureWheel(fileName: string): Promise<Uint8Array | undefined> {
  built ??= Promise.all(readdirSync(SOURCES).map((name) => buildWheel(join(SOURCES, name)))).then(
    (wheels) => new Map(wheels.map((wheel) => [wheel.fileName, wheel.bytes])),
  )
  return (await built).get(fileName)
}
