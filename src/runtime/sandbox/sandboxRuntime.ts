/** Entry module of a sandbox worker (opaque origin): hands the app's messages to the plugin host. */
import type { HostMessage } from '../protocol'
import { lockDown } from './lockDown'
import { PluginHost } from './pluginHost'

interface WorkerScope {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: MessageEvent<HostMessage>) => void): void
}

const scope = globalThis as unknown as WorkerScope
const post = lockDown(globalThis as unknown as Parameters<typeof lockDown>[0])
const host = new PluginHost(post)
scope.addEventListener('message', ({ data }) => host.receive(data))
