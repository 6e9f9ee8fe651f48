import { batchingPost, forEachMessage } from '../messageBatch'
import type { HostMessage, WorkerMessage } from '../protocol'
import { lockDown } from './lockDown'
import type { PluginHost } from './pluginHost'

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<HostMessage | HostMessage[]>) => void): void
}

/**
 * Whether `message` may wait for the end of the task in a batch. A load stage goes at once: the plugin code
 * that follows it may never end its task, and a time limit must say where it hung. Log lines and progress are
 * gathered by the plugin's context already, and go at once too: a plugin that never ends its task (a Python
 * loop printing) must still stream them. Replies and file requests
 * carry the plugin's values; when those may not be copyable, the message goes at once, so that postMessage's
 * error reaches its sender.
 */
function batchable(message: WorkerMessage): boolean {
  if (message.type === 'reply' || message.type === 'stage' || message.type === 'log' || message.type === 'progress') return false
  return message.type !== 'fs' || message.args.every((arg) => typeof arg === 'string' || arg instanceof Uint8Array)
}

/** Locks the worker down, then hands the app's messages in it to a plugin host, and the host's messages to the app. */
export function serveHost(createHost: (post: (message: WorkerMessage) => void) => PluginHost): void {
  const scope = globalThis as unknown as WorkerScope
  const post = lockDown(globalThis as unknown as Parameters<typeof lockDown>[0])
  const batch = batchingPost<WorkerMessage>(post)
  const host = createHost((message) => {
    if (batchable(message)) return batch.post(message)
    batch.flush()
    post(message)
  })
  scope.addEventListener('message', ({ data }) => forEachMessage(data, (message) => host.receive(message as HostMessage)))
}
