import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startPython } from '../../../src/runtime/python/startPython'

let server: ReturnType<typeof createServer>
let origin: string

beforeAll(async () => {
  // A site without the Python runtime: every file of it is missing.
  server = createServer((_, response) => void response.writeHead(404).end())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

it('names the file of the runtime that could not be downloaded, and why', async () => {
  const stages: string[] = []
  await expect(startPython(`${origin}/pyodide/`, (stage) => stages.push(stage))).rejects.toThrow(
    `could not download the Python runtime: HTTP 404 for ${origin}/pyodide/pyodide.mjs`,
  )
  expect(stages).toEqual([])
})
