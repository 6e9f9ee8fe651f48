import { startFramedWorker } from '../sandboxWorker'
import pythonRuntimeUrl from './pythonSandboxRuntime.ts?worker&url'

/** A Python plugin's worker: the sandbox of every plugin, plus the right to compile WebAssembly. */
export function startPythonWorker(name: string) {
  return startFramedWorker(name, pythonRuntimeUrl, { webAssembly: true })
}
