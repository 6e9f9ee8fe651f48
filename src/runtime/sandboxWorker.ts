import { FLOOD_EVENT, type SandboxWorker } from './channel'
import type { HostMessage } from './protocol'
import { SANDBOX_HANDSHAKE, type FrameEnvelope, type FrameHandshake } from './frameProtocol'
import type { NetworkPolicy } from '../core/networkPolicy'
import { placeFrameDocument } from './sandboxFrameSource'
import { workerContentSecurityPolicy, type WorkerOptions } from './workerContentSecurityPolicy'
import { sandboxRuntimePath } from 'virtual:sandbox-bundles'

/** A sandbox runtime's absolute URL; the worker imports it from an opaque origin, so it must be CORS-enabled. */
function runtimeModuleUrl(runtimePath: string): string {
  return new URL(runtimePath, document.baseURI).href
}

/**
 * A plugin's worker, started from a `data:` URL (opaque origin: no access to the app's storage, cookies or
 * files) inside a sandboxed frame of its own. Chromium runs sandboxed frames in another process, so
 * whatever the worker posts lands there first: the frame relays it to the app over a MessagePort and
 * stops a worker that floods it, and a worker looping after `terminate()` burns no time of the app's page.
 */
class FramedWorker extends EventTarget implements SandboxWorker {
  private readonly frame: HTMLIFrameElement
  private readonly port: MessagePort

  constructor(name: string, runtimePath: string, policy: NetworkPolicy, options: WorkerOptions) {
    super()
    const channel = new MessageChannel()
    this.port = channel.port1
    this.port.onmessage = (event: MessageEvent<FrameEnvelope>) => this.relay(event.data)
    this.frame = document.createElement('iframe')
    this.frame.sandbox.add('allow-scripts')
    this.frame.hidden = true
    this.frame.title = `Sandbox of plugin ${name}`
    placeFrameDocument(this.frame)
    const runtimeUrl = runtimeModuleUrl(runtimePath)
    const handshake: FrameHandshake = {
      kind: SANDBOX_HANDSHAKE,
      runtimeUrl,
      workerName: name,
      contentSecurityPolicy: workerContentSecurityPolicy(runtimeUrl, policy, options),
    }
    this.frame.addEventListener('load', () => this.frame.contentWindow?.postMessage(handshake, '*', [channel.port2]), { once: true })
    document.body.append(this.frame)
  }

  postMessage(message: HostMessage | HostMessage[]): void {
    this.port.postMessage(message)
  }

  terminate(): void {
    // Messages already on their way are dropped, not dispatched.
    this.port.onmessage = null
    this.port.close()
    this.frame.remove()
  }

  private relay(envelope: FrameEnvelope): void {
    switch (envelope.kind) {
      case 'message':
        this.dispatchEvent(new MessageEvent('message', { data: envelope.data }))
        return
      case 'error':
        this.dispatchEvent(new ErrorEvent('error', { message: envelope.message, cancelable: true }))
        return
      case 'messageerror':
        this.dispatchEvent(new Event('messageerror'))
        return
      case 'flood':
        this.dispatchEvent(new Event(FLOOD_EVENT))
        return
    }
  }
}

export function startSandboxWorker(name: string, policy: NetworkPolicy): SandboxWorker {
  return new FramedWorker(name, sandboxRuntimePath, policy, {})
}

/** A worker running another sandbox runtime (its path from `virtual:sandbox-bundles`) in a frame of its own. */
export function startFramedWorker(name: string, runtimePath: string, policy: NetworkPolicy, options: WorkerOptions): SandboxWorker {
  return new FramedWorker(name, runtimePath, policy, options)
}
