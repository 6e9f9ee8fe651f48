/** Entry module of a sandbox worker (opaque origin): hands the app's messages to the plugin host. */
import { batchingPost, forEachMessage } from '../messageBatch'
import type { HostMessage, WorkerMessage } from '../protocol'
import { lockDown } from './lockDown'
import { PluginHost } from './pluginHost'

interface WorkerScope {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: MessageEvent<HostMessage | HostMessage[]>) => void): void
}

const scope = globalThis as unknown as WorkerScope
const post = lockDown(globalThis as unknown as Parameters<typeof lockDown>[0])
const host = new PluginHost(batchingPost<WorkerMessage>(post))
scope.addEventListener('message', ({ data }) => forEachMessage(data, (message) => host.receive(message as HostMessage)))
