import type { HostMessage, WorkerMessage } from '../protocol'
import type { PluginHost } from './pluginHost'

interface WorkerScope {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: MessageEvent<HostMessage>) => void): void
}

/** Hands the app's messages in this worker to a plugin host, and its messages to the app. */
export function serveHost(createHost: (post: (message: WorkerMessage) => void) => PluginHost): void {
  const scope = globalThis as unknown as WorkerScope
  const host = createHost((message) => scope.postMessage(message))
  scope.addEventListener('message', ({ data }) => host.receive(data))
}
