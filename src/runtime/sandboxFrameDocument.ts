import { sandboxFrameScript } from 'virtual:sandbox-bundles'

/**
 * The document of a sandbox frame: its script (`frame/sandboxFrame.ts`) under a CSP that limits the frame
 * and its worker to http(s) scripts and connections (blob: for integrity-checked modules); a module
 * worker's static imports count as worker scripts, hence http(s) in worker-src. Only a Python sandbox's frame
 * may compile WebAssembly.
 */
function csp(webAssembly: boolean): string {
  const wasm = webAssembly ? " 'wasm-unsafe-eval'" : ''
  return `default-src 'none'; script-src 'unsafe-inline'${wasm} http: https: blob:; worker-src data: http: https:; connect-src http: https:`
}

/** `webAssembly`: the worker may compile WebAssembly (the Python runtime); no other kind of sandbox may. */
export interface FrameOptions {
  webAssembly: boolean
}

export function sandboxFrameDocument({ webAssembly }: FrameOptions): string {
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp(webAssembly)}"><script>${sandboxFrameScript}</script>`
}
