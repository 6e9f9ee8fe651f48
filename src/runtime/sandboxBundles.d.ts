/** Built by `tooling/sandboxBundles.ts` from `sandbox/sandboxRuntime.ts` and `frame/sandboxFrame.ts`. */
declare module 'virtual:sandbox-bundles' {
  /** Path of the sandbox runtime, one self-contained ES module, relative to the page's base URL. */
  export const sandboxRuntimePath: string
  /** Path of the Python sandbox runtime, likewise. */
  export const pythonRuntimePath: string
  /** The sandbox frame's script, a classic script to inline into the frame's document. */
  export const sandboxFrameScript: string
}
