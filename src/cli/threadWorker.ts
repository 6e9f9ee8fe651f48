import { Worker } from 'node:worker_threads'
import type { SandboxWorker } from '../runtime/channel'
import type { HostMessage } from '../runtime/protocol'

const THREAD_ENTRY = new URL('./pluginThread.mjs', import.meta.url)

/** What a thread hosts: one ES-module plugin, or the Python environment of a manifest's wheels. */
type ThreadHost = 'module' | 'python'

/**
 * A plugin's sandbox in the headless runner: a worker thread of its own, speaking the browser sandbox's
 * protocol, so the same `PluginSandbox` drives it (time limits, termination, message checks).
 * `terminate()` stops the thread even in the middle of a loop.
 */
class ThreadWorker extends EventTarget implements SandboxWorker {
  private readonly thread: Worker

  constructor(name: string, host: ThreadHost) {
    super()
    this.thread = new Worker(THREAD_ENTRY, { name: `plugin ${name}`, workerData: { host }, stdout: false, stderr: false })
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
  return new ThreadWorker(name, 'module')
}

/** The thread of a manifest's Python environment, which runs CPython (the `pyodide` package) for its plugins. */
export function startPythonThread(name: string): SandboxWorker {
  return new ThreadWorker(name, 'python')
}
