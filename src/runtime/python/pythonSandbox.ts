import type { PythonPluginEntry } from '../../core/manifest/types'
import { PluginSandbox } from '../pluginSandbox'
import { SandboxPool } from '../sandboxPool'
import type { StartWorker } from '../sandboxSession'
import { StartQueue } from '../startQueue'
import { TIME_LIMITS } from '../timeLimits'
import { PYTHON_RUNTIME_DIR } from './runtimeDir'

/**
 * What a Python sandbox counts in the pool (of 8 units, where a JavaScript worker counts 1): a CPython runtime
 * takes about 200 MB of memory and seconds of a core to start, so at most two are live at once.
 */
export const PYTHON_SANDBOX_WEIGHT = 4

/** Imported on first use, like the ES-module sandbox's worker: unit tests start fakes. */
const startBrowserWorker: StartWorker = async (name) => (await import('./pythonWorker')).startPythonWorker(name)

/** Python sandboxes start one after the other: each start compiles megabytes of WebAssembly. */
const pythonStarts = new StartQueue()

/** The Python runtime's folder on the playground's own site. */
function servedRuntimeUrl(): string {
  return new URL(PYTHON_RUNTIME_DIR, document.baseURI).href
}

/**
 * A Python plugin's sandbox: the same isolation, limits, pool and requests as an ES-module plugin's, with a
 * worker that starts CPython, installs the manifest's wheels and loads the plugin from its entry point.
 * Python is downloaded and started only when the first Python plugin loads.
 */
export class PythonSandbox extends PluginSandbox {
  constructor(entry: PythonPluginEntry, startWorker: StartWorker = startBrowserWorker, pool: SandboxPool = new SandboxPool(Infinity), runtimeUrl = servedRuntimeUrl()) {
    const { name, entryPoint } = entry
    // Plain copies: the entry may be a store's reactive proxy, which postMessage cannot clone.
    const wheels = entry.wheels.map(({ url, integrity, fileName }) => ({ url, fileName, ...(integrity ? { integrity } : {}) }))
    super(entry, startWorker, pool, {
      weight: PYTHON_SANDBOX_WEIGHT,
      loadRequest: { type: 'load-python', runtimeUrl, name, entryPoint, wheels },
      minLoadTimeoutMs: TIME_LIMITS.pythonLoad,
      takesHomeFiles: true,
      startQueue: pythonStarts,
    })
  }
}
