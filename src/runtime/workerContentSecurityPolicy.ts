import type { NetworkPolicy } from '../core/networkPolicy'

/**
 * The Content-Security-Policy of one plugin's worker, added by its frame to the frame document's own (which
 * allows only what any sandbox may need). The worker may load the sandbox runtime (that file only: a module
 * worker's static import counts as a worker script) and, from the policy's origins only, scripts and
 * connections; `blob:` is for integrity-checked modules, imported from their verified bytes.
 */
export function workerContentSecurityPolicy(runtimeUrl: string, policy: NetworkPolicy): string {
  const origins = policy.origins.join(' ')
  return [
    "default-src 'none'",
    `script-src 'unsafe-inline' ${runtimeUrl} ${origins} blob:`,
    `worker-src data: ${runtimeUrl}`,
    `connect-src ${origins || "'none'"}`,
  ].join('; ')
}
