import { sandboxFrameScript } from 'virtual:sandbox-bundles'
import type { NetworkPolicy } from '../core/networkPolicy'

/**
 * The document of a sandbox frame: its script (`frame/sandboxFrame.ts`) under a CSP that its `data:` worker
 * inherits. The worker may load the sandbox runtime (that file only: a module worker's static import counts
 * as a worker script) and, from the policy's origins only, scripts and connections; `blob:` is for
 * integrity-checked modules, imported from their verified bytes.
 */
export function sandboxFrameDocument(runtimeUrl: string, policy: NetworkPolicy): string {
  const origins = policy.origins.join(' ')
  const csp = [
    "default-src 'none'",
    `script-src 'unsafe-inline' ${runtimeUrl} ${origins} blob:`,
    `worker-src data: ${runtimeUrl}`,
    `connect-src ${origins || "'none'"}`,
  ].join('; ')
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}"><script>${sandboxFrameScript}</script>`
}
