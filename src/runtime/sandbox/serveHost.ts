import type { HostMessage, WorkerMessage } from '../protocol'
import { lockDown } from './lockDown'
import type { PluginHost } from './pluginHost'

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<HostMessage>) => void): void
}

/** Locks the worker down, then hands the app's messages in it to a plugin host, and the host's messages to the app. */
export function serveHost(createHost: (post: (message: WorkerMessage) => void) => PluginHost): void {
  const scope = globalThis as unknown as WorkerScope
  const post = lockDown(globalThis as unknown as Parameters<typeof lockDown>[0])
  const host = createHost(post)
  scope.addEventListener('message', ({ data }) => host.receive(data))
}
