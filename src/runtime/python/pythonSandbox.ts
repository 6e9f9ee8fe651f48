import type { PythonPluginEntry, WheelRef } from '../../core/manifest/types'
import { PluginSandbox } from '../pluginSandbox'
import { SandboxPool } from '../sandboxPool'
import type { StartWorker } from '../sandboxSession'
import { StartQueue } from '../startQueue'
import { TIME_LIMITS } from '../timeLimits'
import { PYTHON_SANDBOX_WEIGHT, PythonEnvironment } from './pythonEnvironment'
import { PYTHON_RUNTIME_DIR } from './runtimeDir'

/** Imported on first use, like the ES-module sandbox's worker: unit tests start fakes. */
const startBrowserWorker: StartWorker = async (name, policy) => (await import('./pythonWorker')).startPythonWorker(name, policy)

/** Python sandboxes start one after the other: each start compiles megabytes of WebAssembly. */
const pythonStarts = new StartQueue()

/** The environment of each manifest, by its list of wheels (every Python entry of a manifest shares that list). */
const environments = new WeakMap<readonly WheelRef[], PythonEnvironment>()

/** The Python runtime's folder on the playground's own site. */
function servedRuntimeUrl(): string {
  return new URL(PYTHON_RUNTIME_DIR, document.baseURI).href
}

/**
 * A Python plugin's sandbox: the same isolation, limits, pool and requests as an ES-module plugin's, in the
 * worker of its manifest's environment (see `PythonEnvironment`), which starts CPython and installs the
 * manifest's wheels for the first of its plugins that loads; each plugin then loads from its entry point.
 * Python is downloaded and started only when the first Python plugin loads.
 */
export class PythonSandbox extends PluginSandbox {
  constructor(
    entry: PythonPluginEntry,
    startWorker: StartWorker = startBrowserWorker,
    pool: SandboxPool = new SandboxPool(Infinity),
    runtimeUrl = servedRuntimeUrl(),
  ) {
    const { name, entryPoint } = entry
    let environment = environments.get(entry.wheels)
    if (!environment) environments.set(entry.wheels, (environment = new PythonEnvironment(pool, startWorker)))
    // Plain copies: the entry may be a store's reactive proxy, which postMessage cannot clone.
    const wheels = entry.wheels.map(({ url, integrity, fileName, bytes }) => ({
      url,
      fileName,
      ...(integrity ? { integrity } : {}),
      ...(bytes ? { bytes } : {}),
    }))
    super(entry, environment.open, environment.admission, {
      weight: PYTHON_SANDBOX_WEIGHT,
      loadRequest: { type: 'load-python', runtimeUrl, name, entryPoint, wheels },
      minLoadTimeoutMs: TIME_LIMITS.pythonLoad,
      takesHomeFiles: true,
      startQueue: pythonStarts,
      // Python code cannot see ctx.signal: a stopped command's worker is stopped at once, so the next use starts afresh.
      abortGraceMs: 0,
    })
    environment.join(this)
  }
}
