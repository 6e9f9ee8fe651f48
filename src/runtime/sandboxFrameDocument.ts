import { sandboxFrameScript } from 'virtual:sandbox-bundles'
import type { NetworkPolicy } from '../core/networkPolicy'

/** `pythonRuntimeUrl`: the folder of the Python runtime, which a Python sandbox loads and compiles (WebAssembly). */
export interface FrameOptions {
  pythonRuntimeUrl?: string
}

/**
 * The document of a sandbox frame: its script (`frame/sandboxFrame.ts`) under a CSP that its `data:` worker
 * inherits. The worker may load the sandbox runtime (that file only: a module worker's static import counts
 * as a worker script) and, from the policy's origins only, scripts and connections; `blob:` is for
 * integrity-checked modules, imported from their verified bytes. Only a Python sandbox's frame may load the
 * Python runtime's folder and compile WebAssembly.
 */
export function sandboxFrameDocument(runtimeUrl: string, policy: NetworkPolicy, { pythonRuntimeUrl }: FrameOptions = {}): string {
  const origins = policy.origins.join(' ')
  const python = pythonRuntimeUrl ? ` ${pythonRuntimeUrl}` : ''
  const csp = [
    "default-src 'none'",
    `script-src 'unsafe-inline'${pythonRuntimeUrl ? " 'wasm-unsafe-eval'" : ''} ${runtimeUrl}${python} ${origins} blob:`,
    `worker-src data: ${runtimeUrl}`,
    `connect-src ${`${origins}${python}`.trim() || "'none'"}`,
  ].join('; ')
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}"><script>${sandboxFrameScript}</script>`
}
