import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { pathToFileURL } from 'node:url'
import { vi } from 'vitest'
import type { WheelRef } from '../../src/core/manifest/types'
import type { WorkspaceFs } from '../../src/core/workspace/types'
import type { HostRequest, WorkerMessage } from '../../src/runtime/protocol'

type RequestBody = HostRequest extends infer Request ? (Request extends HostRequest ? Omit<Request, 'id'> : never) : never
import { PythonPluginHost } from '../../src/runtime/python/pythonHost'

/** The `pyodide` package's folder as a file URL: Node loads the runtime straight from node_modules. */
export const RUNTIME_URL = `${pathToFileURL(dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))).href}/`

/** Serves wheels (file name → bytes) over HTTP, as a registry's host would; `fetch` in Node has no file URLs. */
export async function serveWheels(wheels: ReadonlyArray<{ fileName: string; bytes: Uint8Array }>) {
  const server = createServer((request, response) => {
    const wheel = wheels.find((candidate) => request.url === `/${candidate.fileName}`)
    if (!wheel) return void response.writeHead(404).end()
    response.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(wheel.bytes)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    refs: (integrity: Record<string, string> = {}): WheelRef[] =>
      wheels.map(({ fileName }) => ({ url: `${origin}/${fileName}`, fileName, ...(integrity[fileName] ? { integrity: integrity[fileName] } : {}) })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * A Python plugin host as its worker runs it, talking over the protocol: file requests are served from
 * `workspace`, every message is kept.
 */
export function pythonHost(workspace: WorkspaceFs) {
  const posted: WorkerMessage[] = []
  let nextId = 1
  const host: PythonPluginHost = new PythonPluginHost((message) => {
    posted.push(structuredClone(message))
    if (message.type !== 'fs') return
    const operation = workspace[message.op as keyof WorkspaceFs] as (...args: unknown[]) => Promise<unknown>
    operation.apply(workspace, message.args).then(
      (value) => host.receive({ type: 'fs-reply', fsId: message.fsId, ok: true, value }),
      (error: Error & { code?: string }) =>
        host.receive({ type: 'fs-reply', fsId: message.fsId, ok: false, message: error.message, ...(error.code ? { code: error.code } : {}) }),
    )
  })
  const request = (body: RequestBody, timeout = 5_000): Promise<unknown> => {
    const id = nextId++
    host.receive({ ...body, id } as HostRequest)
    return vi
      .waitFor(
        () => {
          const reply = posted.find((message) => message.type === 'reply' && message.id === id)
          if (!reply || reply.type !== 'reply') throw new Error(`no reply to ${id} yet`)
          if (!reply.ok) throw Object.assign(new Error('failed'), { reply: reply.message })
          return reply.value
        },
        { timeout, interval: 5 },
      )
      .catch((error: { reply?: string }) => {
        if (error.reply !== undefined) return { failed: error.reply }
        throw error
      })
  }
  /** The log lines the host sent for request `id`, in order. */
  const logOf = (id: number) => posted.flatMap((message) => (message.type === 'log' && message.id === id ? message.message.split('\n') : []))
  return { host, posted, request, logOf, lastId: () => nextId - 1 }
}
