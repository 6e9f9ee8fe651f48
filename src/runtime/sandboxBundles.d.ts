/** Built by `tooling/sandboxBundles.ts` from `sandbox/sandboxRuntime.ts` and `frame/sandboxFrame.ts`. */
declare module 'virtual:sandbox-bundles' {
  /** Path of the sandbox runtime, one self-contained ES module, relative to the page's base URL. */
  export const sandboxRuntimePath: string
  /** Path of the Python sandbox runtime, likewise. */
  export const pythonRuntimePath: string
  /** The sandbox frame's document (its script inlined), for a frame's `srcdoc`. */
  export const sandboxFrameDocument: string
  /** Path of the same document, relative to the page's base URL, for frames served from another site. */
  export const sandboxFramePath: string
}
