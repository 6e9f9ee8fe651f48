import sandboxRuntimeUrl from './sandbox/sandboxRuntime.ts?worker&url'

/** The sandbox runtime's absolute URL; the worker imports it from an opaque origin, so it must be CORS-enabled. */
export function runtimeModuleUrl(): string {
  return new URL(sandboxRuntimeUrl, document.baseURI).href
}

/**
 * Starts a module worker whose script is a `data:` URL, so it runs with an opaque origin: no access to
 * the app's storage, cookies or same-origin files. It only imports the sandbox runtime.
 */
export function startSandboxWorker(name: string): Worker {
  const bootstrap = `import ${JSON.stringify(runtimeModuleUrl())};`
  return new Worker(`data:text/javascript;charset=utf-8,${encodeURIComponent(bootstrap)}`, { type: 'module', name })
}
