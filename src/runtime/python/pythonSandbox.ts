import type { PythonPluginEntry } from '../../core/manifest/types'
import { Sandbox } from '../pluginSandbox'
import type { StartWorker } from '../sandboxSession'
import { StartQueue } from '../startQueue'
import { TIME_LIMITS } from '../timeLimits'
import { PYTHON_RUNTIME_DIR } from './runtimeDir'

/** Imported on first use, like the ES-module sandbox's worker: unit tests start fakes. */
const startBrowserWorker: StartWorker = async (name) => (await import('./pythonWorker')).startPythonWorker(name)

/** Python sandboxes start one after the other: each start compiles megabytes of WebAssembly. */
const pythonStarts = new StartQueue()

/** The Python runtime's folder on the playground's own site. */
function servedRuntimeUrl(): string {
  return new URL(PYTHON_RUNTIME_DIR, document.baseURI).href
}

/**
 * A Python plugin's sandbox: the same isolation, limits and requests as an ES-module plugin's, with a
 * worker that starts CPython, installs the manifest's wheels and loads the plugin from its entry point.
 * Python is downloaded and started only when the first Python plugin loads.
 */
export class PythonSandbox extends Sandbox {
  constructor(entry: PythonPluginEntry, startWorker: StartWorker = startBrowserWorker, runtimeUrl = servedRuntimeUrl()) {
    const { name, entryPoint } = entry
    // Plain copies: the entry may be a store's reactive proxy, which postMessage cannot clone.
    const wheels = entry.wheels.map(({ url, integrity, fileName }) => ({ url, fileName, ...(integrity ? { integrity } : {}) }))
    super({
      name,
      loadRequest: { type: 'load-python', runtimeUrl, name, entryPoint, wheels },
      startWorker,
      minLoadTimeoutMs: TIME_LIMITS.pythonLoad,
      takesHomeFiles: true,
      startQueue: pythonStarts,
    })
  }
}
