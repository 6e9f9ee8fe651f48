import { parentPort } from 'node:worker_threads'
import { forEachMessage } from '../runtime/messageBatch'
import type { HostMessage } from '../runtime/protocol'
import { PluginHost } from '../runtime/sandbox/pluginHost'
import { importInNode } from './importInNode'

const port = parentPort
if (!port) throw new Error('the plugin host must run in a worker thread')
const host = new PluginHost((message) => port.postMessage(message), importInNode)
port.on('message', (data: HostMessage | HostMessage[]) => forEachMessage(data, (message) => host.receive(message as HostMessage)))
