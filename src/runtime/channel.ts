import type { AbortReason, FsOperation, HostMessage, HostRequest, LoadStage, ReplyValue, WorkerMessage } from './protocol'
import type { WorkspaceFs } from '../core/workspace/types'

const FS_OPERATIONS: ReadonlySet<string> = new Set<FsOperation>(['readText', 'writeText', 'readBytes', 'writeBytes', 'exists', 'list', 'remove'])

type RequestBody<K extends HostRequest['type']> = Omit<Extract<HostRequest, { type: K }>, 'id'>

export interface RequestHooks {
  onStage?(stage: LoadStage): void
  onLog?(message: string): void
  onProgress?(done: number, total: number, label?: string): void
  fs?: WorkspaceFs
}

interface Pending extends RequestHooks {
  resolve(value: unknown): void
  reject(error: Error): void
}

/** Raised for every request still open when the worker is stopped or crashes. */
export class ChannelClosedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ChannelClosedError'
  }
}

/** Request/reply over one worker, with request ids; `close()` stops the worker and fails what is open. */
export class WorkerChannel {
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private closed = false

  constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => this.receive(event.data))
    worker.addEventListener('error', (event) => {
      event.preventDefault()
      const detail = event instanceof ErrorEvent && event.message ? `: ${event.message}` : ''
      this.close(`the sandbox worker stopped with an error${detail}`)
    })
  }

  get isClosed(): boolean {
    return this.closed
  }

  request<K extends HostRequest['type']>(body: RequestBody<K> & { type: K }, hooks: RequestHooks = {}): { id: number; reply: Promise<ReplyValue[K]> } {
    const id = this.nextId++
    const reply = new Promise<ReplyValue[K]>((resolve, reject) => {
      if (this.closed) return reject(new ChannelClosedError('the sandbox worker is stopped'))
      this.pending.set(id, { ...hooks, resolve: resolve as (value: unknown) => void, reject })
      this.send({ ...body, id } as HostRequest)
    })
    return { id, reply }
  }

  abort(id: number, reason: AbortReason): void {
    if (this.pending.has(id)) this.send({ type: 'abort', id, reason })
  }

  close(reason: string): void {
    if (this.closed) return
    this.closed = true
    this.worker.terminate()
    for (const pending of this.pending.values()) pending.reject(new ChannelClosedError(reason))
    this.pending.clear()
  }

  private send(message: HostMessage): void {
    this.worker.postMessage(message)
  }

  private receive(message: WorkerMessage): void {
    if (typeof message !== 'object' || message === null) return
    const pending = this.pending.get(message.id)
    if (!pending) return
    switch (message.type) {
      case 'reply':
        this.pending.delete(message.id)
        if (message.ok) pending.resolve(message.value)
        else pending.reject(new Error(message.message))
        return
      case 'stage':
        pending.onStage?.(message.stage)
        return
      case 'log':
        pending.onLog?.(message.message)
        return
      case 'progress':
        pending.onProgress?.(message.done, message.total, message.label)
        return
      case 'fs':
        this.serveFs(pending.fs, message)
        return
    }
  }

  private serveFs(fs: WorkspaceFs | undefined, message: Extract<WorkerMessage, { type: 'fs' }>): void {
    const { fsId, op, args } = message
    // Plugin code shares the worker with our runtime and can post anything: accept only known operations.
    const operation = FS_OPERATIONS.has(op) && Array.isArray(args) ? (fs?.[op] as (...args: unknown[]) => Promise<unknown>) : undefined
    const run = operation ? operation.apply(fs, args) : Promise.reject(new Error(fs ? `unknown file operation ${String(op)}` : 'no workspace is available to this call'))
    run.then(
      (value) => !this.closed && this.send({ type: 'fs-reply', fsId, ok: true, value }),
      (error: unknown) => {
        if (this.closed) return
        const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined
        const text = error instanceof Error ? error.message : String(error)
        this.send({ type: 'fs-reply', fsId, ok: false, message: text, ...(code ? { code } : {}) })
      },
    )
  }
}
