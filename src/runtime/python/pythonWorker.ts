import { pythonRuntimePath } from 'virtual:sandbox-bundles'
import { startFramedWorker } from '../sandboxWorker'

/** A Python plugin's worker: the sandbox of every plugin, plus the right to compile WebAssembly. */
export function startPythonWorker(name: string) {
  return startFramedWorker(name, pythonRuntimePath, { webAssembly: true })
}
