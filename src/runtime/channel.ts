import { FLOOD_MESSAGE, MessageBudget } from './messageBudget'
import { errorMessage } from '../core/errorMessage'
import { MAX_LOG_LINES } from '../core/logTail'
import { isWorkspaceFsOperation, type WorkspaceFs } from '../core/workspace/types'
import { batchingPost, forEachMessage } from './messageBatch'
import { parseWorkerMessage } from './parseWorkerMessage'
import type { AbortReason, HostMessage, HostRequest, LoadStage, RequestKind, WorkerMessage } from './protocol'

const MAX_LOG_LINE_LENGTH = 10_000

const ABORTED_CALL_MESSAGE: Record<AbortReason, string> = {
  cancelled: 'the call was cancelled',
  timeout: 'the call timed out',
}

type RequestBody<K extends RequestKind> = Omit<Extract<HostRequest, { type: K }>, 'id'>
type FsRequest = Extract<WorkerMessage, { type: 'fs' }>
type FsReply = Extract<HostMessage, { type: 'fs-reply' }>

/** The part of a `Worker` the channel uses. */
/** The event a sandbox dispatches when it stopped a worker for flooding the page with messages. */
export const FLOOD_EVENT = 'flood'

export interface SandboxWorker extends EventTarget {
  postMessage(message: HostMessage | HostMessage[]): void
  terminate(): void
}

export interface RequestHooks {
  onStage?(stage: LoadStage): void
  onLog?(message: string): void
  onProgress?(done: number, total: number, label?: string): void
  fs?: WorkspaceFs
}

interface Pending extends RequestHooks {
  kind: RequestKind
  resolve(value: unknown): void
  reject(error: Error): void
}

/**
 * Request/reply over one worker, with request ids. Replies are delivered unchecked (`unknown`): their
 * shape depends on the request, and the caller checks it. `close()` stops the worker and fails what is open.
 */
export class WorkerChannel {
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  /** Requests the app gave up on, and why: their later file requests are refused with that reason. */
  private readonly aborted = new Map<number, AbortReason>()
  private heardFromWorker = false
  private closed = false
  private readonly budget = new MessageBudget()
  private markStopped!: () => void
  /** Settles once the channel is closed and its worker stopped, for whatever reason. */
  readonly stopped = new Promise<void>((resolve) => (this.markStopped = resolve))

  // Once closed, queued messages are dropped unread: reading `data` is what costs (it deserialises).
  private readonly onMessage = (event: Event) => this.closed || forEachMessage((event as MessageEvent).data, (message) => this.closed || this.receive(message))
  /** File replies settle in bursts (a workspace commits many writes at once): they go in batches. */
  private readonly sendFsReply = batchingPost<FsReply>((data) => this.closed || this.worker.postMessage(data)).post

  constructor(private readonly worker: SandboxWorker) {
    worker.addEventListener('message', this.onMessage)
    worker.addEventListener('error', (event) => {
      event.preventDefault()
      const detail = uncaughtErrorText(event)
      // After start-up only plugin code can throw uncaught; what state it left the runtime in is unknown.
      this.close(this.heardFromWorker ? `the plugin's worker stopped after an uncaught error${detail}` : `the sandbox worker could not start${detail}`)
    })
    // Which request an unreadable message answered cannot be known, so every open request fails.
    worker.addEventListener('messageerror', () => this.close('the sandbox sent a message that could not be read'))
    // The sandbox frame stops a flooding worker itself and says so.
    worker.addEventListener(FLOOD_EVENT, () => this.close(FLOOD_MESSAGE))
  }

  get isClosed(): boolean {
    return this.closed
  }

  request<K extends RequestKind>(body: RequestBody<K> & { type: K }, hooks: RequestHooks = {}): { id: number; reply: Promise<unknown> } {
    const id = this.nextId++
    const reply = new Promise<unknown>((resolve, reject) => {
      if (this.closed) return reject(new Error('the sandbox worker is stopped'))
      this.send({ ...body, id } as HostRequest)
      this.pending.set(id, { ...hooks, kind: body.type, resolve, reject })
    })
    return { id, reply }
  }

  /** Whether a request of this kind is waiting for its reply. */
  hasPending(kind?: RequestKind): boolean {
    return [...this.pending.values()].some((pending) => kind === undefined || pending.kind === kind)
  }

  /** Gives up on a request at once: its reply fails, its hooks are dropped, and the worker is told to stop it. */
  abort(id: number, reason: AbortReason): void {
    const pending = this.pending.get(id)
    if (!pending) return
    this.pending.delete(id)
    this.aborted.set(id, reason)
    pending.reject(new Error(ABORTED_CALL_MESSAGE[reason]))
    this.send({ type: 'abort', id, reason })
  }

  close(reason: string): void {
    if (this.closed) return
    this.closed = true
    this.worker.terminate()
    this.worker.removeEventListener('message', this.onMessage)
    for (const pending of this.pending.values()) pending.reject(new Error(reason))
    this.pending.clear()
    this.markStopped()
  }

  private send(message: HostMessage): void {
    if (!this.closed) this.worker.postMessage(message)
  }

  private receive(data: unknown): void {
    if (this.overBudget()) return
    const message = parseWorkerMessage(data)
    if (!message) return
    this.heardFromWorker = true
    const pending = this.pending.get(message.id)
    if (pending) return this.deliver(pending, message)
    // Code a plugin left running after its call ended must not reach the workspace any more.
    if (message.type === 'fs') {
      const reason = this.aborted.get(message.id)
      this.refuseFs(message.fsId, reason ? ABORTED_CALL_MESSAGE[reason] : 'the call has ended')
    }
  }

  /**
   * Our runtime sends a few dozen messages a second; plugin code posting in a loop sends millions and would
   * bury the page's event loop. Past the budget the worker is stopped.
   */
  private overBudget(): boolean {
    if (this.budget.spend(1)) return false
    this.close(FLOOD_MESSAGE)
    return true
  }

  private deliver(pending: Pending, message: WorkerMessage): void {
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
        pending.onLog?.(capLogBatch(message.message, message.dropped ?? 0))
        return
      case 'progress':
        pending.onProgress?.(message.done, message.total, message.label)
        return
      case 'fs':
        this.serveFs(pending.fs, message)
        return
    }
  }

  private serveFs(fs: WorkspaceFs | undefined, { fsId, op, args }: FsRequest): void {
    if (!fs) return this.refuseFs(fsId, 'no workspace is available to this call')
    if (!isWorkspaceFsOperation(op)) return this.refuseFs(fsId, `unknown file operation ${op}`)
    const operation = fs[op] as (...args: unknown[]) => Promise<unknown>
    new Promise((resolve) => resolve(operation.apply(fs, args))).then(
      (value) => this.sendFsReply({ type: 'fs-reply', fsId, ok: true, value }),
      (error: unknown) => this.refuseFs(fsId, errorMessage(error), errorCode(error)),
    )
  }

  private refuseFs(fsId: number, message: string, code?: string): void {
    this.sendFsReply({ type: 'fs-reply', fsId, ok: false, message, ...(code ? { code } : {}) })
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/** A batch of log lines as the page shows it: at most MAX_LOG_LINES lines of bounded length. */
function capLogBatch(message: string, dropped: number): string {
  let lines = message.split('\n')
  if (lines.length > MAX_LOG_LINES) {
    dropped += lines.length - MAX_LOG_LINES
    lines = lines.slice(-MAX_LOG_LINES)
  }
  const kept = lines.map(capLogLine)
  if (dropped > 0) kept.unshift(`… ${dropped} log lines skipped: the plugin logged faster than they can be shown`)
  return kept.join('\n')
}

function capLogLine(line: string): string {
  if (line.length <= MAX_LOG_LINE_LENGTH) return line
  // Never leave half of a surrogate pair before the ellipsis.
  return `${line.slice(0, MAX_LOG_LINE_LENGTH - 1).replace(/[\uD800-\uDBFF]$/, '')}…`
}

/** `: <message>` of an error event, or nothing when the browser gave none. */
function uncaughtErrorText(event: Event): string {
  const message = (event as Partial<ErrorEvent>).message
  // Chromium words it "Uncaught Error: …"; the sentence around it already says so.
  return typeof message === 'string' && message ? `: ${message.replace(/^Uncaught /, '')}` : ''
}
