import { BUDGET_WINDOW_MS, MAX_MESSAGES_PER_SECOND } from './messageBudget'

/** What the app posts to a sandbox frame, with the MessagePort it talks over. */
export const SANDBOX_HANDSHAKE = 'strataregula-sandbox'

/** What a sandbox frame sends the app: a worker message, or what happened to the worker. */
export type FrameEnvelope =
  | { kind: 'message'; data: unknown }
  | { kind: 'error'; message: string }
  | { kind: 'messageerror' }
  | { kind: 'flood' }

/** `webAssembly`: the worker may compile WebAssembly (the Python runtime); no other kind of sandbox may. */
export interface FrameOptions {
  webAssembly: boolean
}

/**
 * The document of a sandbox frame (`sandbox="allow-scripts"`, so an opaque origin). Its script starts the
 * plugin's `data:` module worker once the app hands it a port, relays messages both ways, and stops the
 * worker when it posts more than the budget. The CSP limits the frame and its worker to http(s) scripts
 * and connections (blob: for integrity-checked modules); a module worker's static imports count as
 * worker scripts, hence http(s) in worker-src.
 */
export function sandboxFrameDocument(runtimeUrl: string, name: string, { webAssembly }: FrameOptions): string {
  // Half the app's own budget: the frame, not the page, is where a flood is stopped.
  const limit = (MAX_MESSAGES_PER_SECOND * BUDGET_WINDOW_MS) / 2000
  const bootstrap = `data:text/javascript;charset=utf-8,${encodeURIComponent(`import ${JSON.stringify(runtimeUrl)};`)}`
  const script = `
addEventListener('message', (event) => {
  if (event.source !== parent || event.data !== ${JSON.stringify(SANDBOX_HANDSHAKE)} || !event.ports[0]) return
  const port = event.ports[0]
  const worker = new Worker(${JSON.stringify(bootstrap)}, { type: 'module', name: ${JSON.stringify(name)} })
  let windowStart = 0
  let count = 0
  let stopped = false
  worker.onmessage = (message) => {
    if (stopped) return
    const now = performance.now()
    if (now - windowStart >= ${BUDGET_WINDOW_MS}) { windowStart = now; count = 0 }
    if (++count > ${limit}) { stopped = true; worker.terminate(); port.postMessage({ kind: 'flood' }); return }
    port.postMessage({ kind: 'message', data: message.data })
  }
  worker.onerror = (error) => { error.preventDefault(); port.postMessage({ kind: 'error', message: error.message || '' }) }
  worker.onmessageerror = () => port.postMessage({ kind: 'messageerror' })
  port.onmessage = (message) => worker.postMessage(message.data)
})`
  const wasm = webAssembly ? " 'wasm-unsafe-eval'" : ''
  const csp = `default-src 'none'; script-src 'unsafe-inline'${wasm} http: https: blob:; worker-src data: http: https:; connect-src http: https:`
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}"><script>${script}</script>`
}
