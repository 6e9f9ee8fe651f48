import { sandboxFrameScript } from 'virtual:sandbox-bundles'

/**
 * The document of a sandbox frame: its script (`frame/sandboxFrame.ts`) under a CSP that limits the frame
 * and its worker to http(s) scripts and connections (blob: for integrity-checked modules); a module
 * worker's static imports count as worker scripts, hence http(s) in worker-src.
 */
const CSP = "default-src 'none'; script-src 'unsafe-inline' http: https: blob:; worker-src data: http: https:; connect-src http: https:"

export const SANDBOX_FRAME_DOCUMENT = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CSP}"><script>${sandboxFrameScript}</script>`
