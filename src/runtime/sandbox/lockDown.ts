/** Globals a plugin may not use in its sandbox: it may start no workers of its own (they would escape the limits). */
const WITHHELD = ['Worker', 'SharedWorker'] as const

/**
 * Runs before any plugin code: withholds what a plugin may not use, and returns the scope's own `postMessage`,
 * bound now, so that a plugin replacing `globalThis.postMessage` cannot intercept the runtime's replies.
 */
export function lockDown(scope: Record<string, unknown> & { postMessage(message: unknown): void }): (message: unknown) => void {
  const post = scope.postMessage.bind(scope)
  for (const name of WITHHELD) delete scope[name]
  return post
}
