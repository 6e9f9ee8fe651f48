/**
 * The script of a sandbox frame (`sandbox="allow-scripts"`, so an opaque origin), bundled into one classic
 * script by `tooling/sandboxBundles.ts` and inlined into the frame's document; the app never imports it.
 * Once the app hands it a port and the plugin's Content-Security-Policy, it adds that policy to its
 * document (the worker inherits every policy in force when it starts), starts the plugin's `data:` module
 * worker, relays messages both ways, and stops the worker when it posts more than its budget.
 */
import { BUDGET_WINDOW_MS, MAX_MESSAGES_PER_SECOND } from '../messageBudget'
import { SANDBOX_HANDSHAKE, type FrameEnvelope, type FrameHandshake } from '../frameProtocol'

// Half the app's own budget: the frame, not the page, is where a flood is stopped.
const MESSAGES_PER_WINDOW = (MAX_MESSAGES_PER_SECOND * BUDGET_WINDOW_MS) / 2000

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
  let windowStart = 0
  let count = 0
  let stopped = false
  worker.onmessage = (message) => {
    if (stopped) return
    const now = performance.now()
    if (now - windowStart >= BUDGET_WINDOW_MS) {
      windowStart = now
      count = 0
    }
    if (++count > MESSAGES_PER_WINDOW) {
      stopped = true
      worker.terminate()
      send({ kind: 'flood' })
      return
    }
    send({ kind: 'message', data: message.data })
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
