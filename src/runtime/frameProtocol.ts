/** What the app posts to a sandbox frame, with the MessagePort it talks over. */
export const SANDBOX_HANDSHAKE = 'strataregula-sandbox'

export interface FrameHandshake {
  kind: typeof SANDBOX_HANDSHAKE
  /** Absolute URL of the sandbox runtime module the frame's worker imports. */
  runtimeUrl: string
  workerName: string
  /** The plugin's Content-Security-Policy: the frame adds it to its document before starting the worker. */
  contentSecurityPolicy: string
}

/** What a sandbox frame sends the app: a worker message, or what happened to the worker. */
export type FrameEnvelope = { kind: 'message'; data: unknown } | { kind: 'error'; message: string } | { kind: 'messageerror' } | { kind: 'flood' }
