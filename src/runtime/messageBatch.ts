/**
 * Messages between the app and a sandbox worker may travel in batches: an array of protocol messages in one
 * `postMessage`. A plugin writing a file per case sends thousands of small requests a second, and every
 * message pays for a structured clone, a hop through the sandbox frame and a task on the page; a batch pays
 * once. Each message of a batch is still checked and counted on its own.
 */

/** Calls `handle` with each message `data` carries: the messages of a batch in order, or `data` itself. */
export function forEachMessage(data: unknown, handle: (message: unknown) => void): void {
  if (Array.isArray(data)) for (const message of data) handle(message)
  else handle(data)
}

/**
 * A `post` that gathers the messages of one task and sends them together when the task is over, in order
 * (a lone message goes as itself); `flush` sends what is gathered at once.
 */
export function batchingPost<M>(send: (data: M | M[]) => void): { post(message: M): void; flush(): void } {
  let queued: M[] = []
  const flush = () => {
    if (queued.length === 0) return
    const batch = queued
    queued = []
    send(batch.length === 1 ? batch[0] : batch)
  }
  return {
    post(message) {
      if (queued.push(message) === 1) setTimeout(flush, 0)
    },
    flush,
  }
}
