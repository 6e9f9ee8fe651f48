import type { NetworkPolicy } from '../core/networkPolicy'

/** `pythonRuntimeUrl`: the folder of the Python runtime, which a Python sandbox loads and compiles (WebAssembly). */
export interface WorkerOptions {
  pythonRuntimeUrl?: string
}

/**
 * The Content-Security-Policy of one plugin's worker, added by its frame to the frame document's own (which
 * allows only what any sandbox may need). The worker may load the sandbox runtime (that file only: a module
 * worker's static import counts as a worker script) and, from the policy's origins only, scripts and
 * connections; `blob:` is for integrity-checked modules, imported from their verified bytes, and `data:` for a
 * local plugin's own code (nobody else's sandbox may import `data:` URLs). Only a Python
 * sandbox's worker may also load the Python runtime's folder and compile WebAssembly.
 */
export function workerContentSecurityPolicy(runtimeUrl: string, policy: NetworkPolicy, { pythonRuntimeUrl }: WorkerOptions = {}): string {
  const origins = policy.origins.join(' ')
  const python = pythonRuntimeUrl ? ` ${pythonRuntimeUrl}` : ''
  return [
    "default-src 'none'",
    `script-src 'unsafe-inline'${pythonRuntimeUrl ? " 'wasm-unsafe-eval'" : ''} ${runtimeUrl}${python} ${origins} blob:${policy.dataModules ? ' data:' : ''}`,
    `worker-src data: ${runtimeUrl}`,
    `connect-src ${`${origins}${python}`.trim() || "'none'"}`,
  ].join('; ')
}
