import { pythonRuntimePath } from 'virtual:sandbox-bundles'
import type { NetworkPolicy } from '../../core/networkPolicy'
import { startFramedWorker } from '../sandboxWorker'
import { PYTHON_RUNTIME_DIR } from './runtimeDir'

/** A Python plugin's worker: the sandbox of every plugin, plus the Python runtime of the playground's own site. */
export function startPythonWorker(name: string, policy: NetworkPolicy) {
  return startFramedWorker(name, pythonRuntimePath, policy, { pythonRuntimeUrl: new URL(PYTHON_RUNTIME_DIR, document.baseURI).href })
}
