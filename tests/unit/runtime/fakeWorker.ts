import { vi } from 'vitest'
import type { SandboxWorker } from '../../../src/runtime/channel'
import { forEachMessage } from '../../../src/runtime/messageBatch'
import type { HostMessage, HostRequest, RequestKind } from '../../../src/runtime/protocol'

/** Plays the worker's side: called with each message the app posts, a moment later, as a real worker would. */
export type Responder = (message: HostMessage, worker: FakeWorker) => void

/** A stand-in for a sandbox worker that the test drives: it records what the app posts and emits what the test says. */
export class FakeWorker extends EventTarget implements SandboxWorker {
  readonly postMessage = vi.fn((data: HostMessage | HostMessage[]) => {
    queueMicrotask(() => forEachMessage(data, (message) => this.respond?.(message as HostMessage, this)))
  })
  readonly terminate = vi.fn()

  constructor(private readonly respond?: Responder) {
    super()
  }

  /** What the app posted, in order, the messages of a batch one by one. */
  get sent(): HostMessage[] {
    return this.postMessage.mock.calls.flatMap(([data]) => data)
  }

  /** The last request of this kind the app posted. */
  request<K extends RequestKind>(kind: K): Extract<HostRequest, { type: K }> {
    const found = this.sent.filter((message): message is Extract<HostRequest, { type: K }> => message.type === kind).at(-1)
    if (!found) throw new Error(`no ${kind} request was posted`)
    return found
  }

  /** Sends `data` to the app, as the runtime or plugin code in the worker could. */
  emit(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data }))
  }

  reply(id: number, value: unknown): void {
    this.emit({ type: 'reply', id, ok: true, value })
  }

  /** An uncaught error in the worker, as the app sees it; returns the event to inspect. */
  throwUncaught(message?: string): Event {
    const event = Object.assign(new Event('error', { cancelable: true }), message === undefined ? {} : { message })
    this.dispatchEvent(event)
    return event
  }
}

export const PLUGIN_DESCRIPTION = { info: { name: 'probe', version: '1.0.0' }, commands: ['go'] }

/** A responder that answers each request kind with the value given for it, and leaves the others unanswered. */
export function answering(values: Partial<Record<RequestKind, unknown>>): Responder {
  return (message, worker) => {
    if (message.type in values) worker.reply((message as HostRequest).id, values[message.type as RequestKind])
  }
}
