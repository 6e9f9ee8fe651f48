/**
 * The script of a sandbox frame (`sandbox="allow-scripts"`, so an opaque origin), bundled into one classic
 * script by `tooling/sandboxBundles.ts` and inlined into the frame's document; the app never imports it.
 * Once the app hands it a port and the plugin's Content-Security-Policy, it adds that policy to its
 * document (the worker inherits every policy in force when it starts), starts the plugin's `data:` module
 * worker, relays messages both ways, and stops the worker when it says it has passed its message budget,
 * or passes it here.
 */
import { FLOOD_NOTICE, MessageBudget, messageCount } from '../messageBudget'
import { SANDBOX_HANDSHAKE, type FrameEnvelope, type FrameHandshake } from '../frameProtocol'

function isHandshake(data: unknown): data is FrameHandshake {
  const handshake = data as Partial<FrameHandshake> | null
  return (
    handshake?.kind === SANDBOX_HANDSHAKE &&
    typeof handshake.runtimeUrl === 'string' &&
    typeof handshake.workerName === 'string' &&
    typeof handshake.contentSecurityPolicy === 'string'
  )
}

function enforce(contentSecurityPolicy: string): void {
  const meta = document.createElement('meta')
  meta.httpEquiv = 'Content-Security-Policy'
  meta.content = contentSecurityPolicy
  document.head.append(meta)
}

function startWorker({ runtimeUrl, workerName, contentSecurityPolicy }: FrameHandshake, port: MessagePort): void {
  enforce(contentSecurityPolicy)
  const send = (envelope: FrameEnvelope) => port.postMessage(envelope)
  const bootstrap = `data:text/javascript;charset=utf-8,${encodeURIComponent(`import ${JSON.stringify(runtimeUrl)};`)}`
  const worker = new Worker(bootstrap, { type: 'module', name: workerName })
  // The worker counts what it posts and says when it is over its budget; this count is for a worker that
  // would not (every message of a batch counts, as it does in the worker and the app).
  const budget = new MessageBudget()
  let stopped = false
  worker.onmessage = ({ data }) => {
    if (stopped) return
    if (data === FLOOD_NOTICE || !budget.spend(messageCount(data))) {
      stopped = true
      worker.terminate()
      send({ kind: 'flood' })
      return
    }
    send({ kind: 'message', data })
  }
  worker.onerror = (error) => {
    error.preventDefault()
    send({ kind: 'error', message: error.message || '' })
  }
  worker.onmessageerror = () => send({ kind: 'messageerror' })
  port.onmessage = (message) => worker.postMessage(message.data)
}

const onHandshake = (event: MessageEvent) => {
  const port = event.ports[0]
  if (event.source !== parent || !isHandshake(event.data) || !port) return
  removeEventListener('message', onHandshake)
  startWorker(event.data, port)
}
addEventListener('message', onHandshake)
