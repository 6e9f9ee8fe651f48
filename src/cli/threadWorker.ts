import { Worker } from 'node:worker_threads'
import type { SandboxWorker } from '../runtime/channel'
import type { HostMessage } from '../runtime/protocol'

const THREAD_ENTRY = new URL('./pluginThread.mjs', import.meta.url)

/**
 * A plugin's sandbox in the headless runner: a worker thread of its own, speaking the browser sandbox's
 * protocol, so the same `PluginSandbox` drives it (time limits, termination, message checks).
 * `terminate()` stops the thread even in the middle of a loop.
 */
class ThreadWorker extends EventTarget implements SandboxWorker {
  private readonly thread: Worker

  constructor(name: string) {
    super()
    this.thread = new Worker(THREAD_ENTRY, { name: `plugin ${name}`, stdout: false, stderr: false })
    this.thread.on('message', (data: unknown) => this.dispatchEvent(new MessageEvent('message', { data })))
    this.thread.on('messageerror', () => this.dispatchEvent(new Event('messageerror')))
    this.thread.on('error', (error: Error) => this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: error.message })))
  }

  postMessage(message: HostMessage | HostMessage[]): void {
    this.thread.postMessage(message)
  }

  terminate(): void {
    void this.thread.terminate()
  }
}

export function startThreadWorker(name: string): SandboxWorker {
  return new ThreadWorker(name)
}
