import type { PluginContext } from '../../core/pluginContract'
import type { WorkspaceFs } from '../../core/workspace/types'
import type { FsOperation, WorkerMessage } from '../protocol'

type Post = (message: WorkerMessage) => void

interface PendingFs {
  resolve(value: unknown): void
  reject(error: Error): void
}

/** Builds the `ctx` of one command call; its `fs` and callbacks travel to the app over the protocol. */
export class RemoteContextFactory {
  private nextFsId = 1
  private readonly pendingFs = new Map<number, PendingFs>()

  constructor(private readonly post: Post) {}

  create(callId: number, config: Record<string, unknown>, signal: AbortSignal): PluginContext {
    const fsCall = (op: FsOperation) => (...args: unknown[]) => this.requestFs(callId, op, args)
    const fs = {
      readText: fsCall('readText'),
      writeText: fsCall('writeText'),
      readBytes: fsCall('readBytes'),
      writeBytes: fsCall('writeBytes'),
      exists: fsCall('exists'),
      list: fsCall('list'),
      remove: fsCall('remove'),
    } as WorkspaceFs
    return {
      fs,
      config,
      signal,
      log: (message) => this.post({ type: 'log', id: callId, message: String(message) }),
      progress: (done, total, label) =>
        this.post({ type: 'progress', id: callId, done: Number(done), total: Number(total), ...(label === undefined ? {} : { label: String(label) }) }),
    }
  }

  settle(fsId: number, outcome: { ok: true; value: unknown } | { ok: false; message: string; code?: string }): void {
    const pending = this.pendingFs.get(fsId)
    if (!pending) return
    this.pendingFs.delete(fsId)
    if (outcome.ok) pending.resolve(outcome.value)
    else pending.reject(Object.assign(new Error(outcome.message), outcome.code ? { code: outcome.code } : {}))
  }

  private requestFs(callId: number, op: FsOperation, args: unknown[]): Promise<unknown> {
    const fsId = this.nextFsId++
    return new Promise((resolve, reject) => {
      this.pendingFs.set(fsId, { resolve, reject })
      this.post({ type: 'fs', id: callId, fsId, op, args })
    })
  }
}
