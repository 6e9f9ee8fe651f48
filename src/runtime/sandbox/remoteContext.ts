import { LogTail } from '../../core/logTail'
import type { PluginContext } from '../../core/pluginContract'
import { WORKSPACE_FS_OPERATIONS, type WorkspaceFs, type WorkspaceFsOperation } from '../../core/workspace/types'
import type { WorkerMessage } from '../protocol'

type Post = (message: WorkerMessage) => void

interface PendingFs {
  resolve(value: unknown): void
  reject(error: Error): void
}

interface Outbox {
  log: LogTail
  progress?: { done: number; total: number; label?: string }
}

/** How often gathered log lines and progress go to the app (a bounded tail of the log waits). */
export const OUTBOX_FLUSH_MS = 50

/**
 * Builds the `ctx` of one command call; its `fs` and callbacks travel to the app over the protocol.
 * Log lines and progress are gathered and sent every OUTBOX_FLUSH_MS: a plugin logging in a tight loop
 * would otherwise bury the page under messages. A line logged when a send is due goes at once, so code
 * that never yields (a Python loop printing) still streams its log.
 */
export class RemoteContextFactory {
  private nextFsId = 1
  private readonly pendingFs = new Map<number, PendingFs>()
  private readonly outboxes = new Map<number, Outbox>()
  private flushTimer: ReturnType<typeof setTimeout> | undefined
  private lastFlushAt = 0

  constructor(private readonly post: Post) {}

  create(callId: number, config: Record<string, unknown>, signal: AbortSignal): PluginContext {
    // What each operation resolves to is the app's WorkspaceFs answer, checked there: the types hold by construction.
    const fs = Object.fromEntries(WORKSPACE_FS_OPERATIONS.map((op) => [op, (...args: unknown[]) => this.requestFs(callId, op, args)])) as unknown as WorkspaceFs
    return {
      fs,
      config,
      signal,
      log: (message) => {
        this.outbox(callId).log.append(String(message))
        if (performance.now() - this.lastFlushAt >= OUTBOX_FLUSH_MS) this.flush()
        else this.scheduleFlush()
      },
      progress: (done, total, label) => {
        this.outbox(callId).progress = { done: Number(done), total: Number(total), ...(label === undefined ? {} : { label: String(label) }) }
        this.scheduleFlush()
      },
    }
  }

  /** Sends what a call gathered (all calls when no id is given), e.g. right before its reply. */
  flush(callId?: number): void {
    if (callId === undefined) this.lastFlushAt = performance.now()
    for (const [id, outbox] of this.outboxes) {
      if (callId !== undefined && id !== callId) continue
      this.outboxes.delete(id)
      const { lines, dropped } = outbox.log
      if (lines.length > 0) this.post({ type: 'log', id, message: lines.join('\n'), ...(dropped > 0 ? { dropped } : {}) })
      if (outbox.progress) this.post({ type: 'progress', id, ...outbox.progress })
    }
  }

  private outbox(callId: number): Outbox {
    let outbox = this.outboxes.get(callId)
    if (!outbox) this.outboxes.set(callId, (outbox = { log: new LogTail() }))
    return outbox
  }

  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined
      this.flush()
    }, OUTBOX_FLUSH_MS)
  }

  settle(fsId: number, outcome: { ok: true; value: unknown } | { ok: false; message: string; code?: string }): void {
    const pending = this.pendingFs.get(fsId)
    if (!pending) return
    this.pendingFs.delete(fsId)
    if (outcome.ok) pending.resolve(outcome.value)
    else pending.reject(Object.assign(new Error(outcome.message), outcome.code ? { code: outcome.code } : {}))
  }

  private requestFs(callId: number, op: WorkspaceFsOperation, args: unknown[]): Promise<unknown> {
    const fsId = this.nextFsId++
    // The app sees the call's log up to this point before the file operation.
    this.flush(callId)
    return new Promise((resolve, reject) => {
      this.pendingFs.set(fsId, { resolve, reject })
      this.post({ type: 'fs', id: callId, fsId, op, args })
    })
  }
}
