import type { PyodideAPI } from 'pyodide'
import type { PyProxy } from 'pyodide/ffi'
import type { LoadStage } from '../protocol'
import { PYTHON_MEMORY_BUDGET } from '../../core/memoryBudget'
import { LoadFailure } from '../sandbox/loadFailure'
import { PYTHON_RUNTIME_FILES } from './runtimeDir'
import { limitWasmMemory, type MemoryBudget } from './wasmMemoryBudget'
import bridgeSource from './py/playground_bridge.py?raw'
import standinsSource from './py/playground_standins.py?raw'

/** The plugin's working directory (the workspace) and its home (`~/.strataregula/` is below it). */
export const WORKSPACE_DIR = '/workspace'
export const HOME_DIR = '/home/pyodide'
const BRIDGE_DIR = '/lib/playground'

export interface Python {
  pyodide: PyodideAPI
  /** A new `playground_bridge.PluginBridge()`: the bridge of one plugin instance. */
  newBridge(): PyProxy
  /** Where `print()` and stderr lines go; undefined drops them. */
  output: ((line: string) => void) | undefined
  /** The cap on CPython's memory, with the growth requests it refused so far. */
  memory: MemoryBudget
}

/**
 * Starts CPython from `runtimeUrl` (the served `pyodide` package), with the bridge on its path and the
 * stand-ins for threads and processes in place before any plugin code is imported.
 */
export async function startPython(runtimeUrl: string, onStage: (stage: LoadStage) => void): Promise<Python> {
  const local = runtimeUrl.startsWith('file:')
  const python: Partial<Python> & Pick<Python, 'output' | 'memory'> = { output: undefined, memory: limitWasmMemory(PYTHON_MEMORY_BUDGET) }
  const write = (line: string) => python.output?.(line)
  // Node (the unit tests, headless runs) reads the runtime from disk and wants a path.
  const indexURL = local ? decodeURIComponent(new URL(runtimeUrl).pathname) : runtimeUrl
  let pyodide: PyodideAPI
  try {
    const { loadPyodide } = (await import(/* @vite-ignore */ new URL('pyodide.mjs', runtimeUrl).href)) as typeof import('pyodide')
    onStage('python')
    pyodide = await loadPyodide({ indexURL, env: { HOME: HOME_DIR }, stdout: write, stderr: write })
  } catch (error) {
    // A file of the runtime that cannot be had makes every failure look alike: say which file, and why.
    if (!local) for (const file of PYTHON_RUNTIME_FILES) await download(new URL(file, runtimeUrl).href)
    throw error
  }
  pyodide.FS.mkdirTree(BRIDGE_DIR)
  pyodide.FS.mkdirTree(WORKSPACE_DIR)
  pyodide.FS.writeFile(`${BRIDGE_DIR}/playground_bridge.py`, bridgeSource)
  pyodide.FS.writeFile(`${BRIDGE_DIR}/playground_standins.py`, standinsSource)
  pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(BRIDGE_DIR)}); import playground_standins; playground_standins.install()`)
  python.pyodide = pyodide
  const { PluginBridge } = pyodide.pyimport('playground_bridge') as PyProxy & { PluginBridge(): PyProxy }
  python.newBridge = () => PluginBridge()
  return python as Python
}

/** Fails with what went wrong when `url` cannot be downloaded. */
async function download(url: string): Promise<void> {
  let response: Response
  try {
    response = await fetch(url)
  } catch {
    throw new LoadFailure(`could not download the Python runtime: ${url} (network error or CORS refusal)`)
  }
  if (!response.ok) throw new LoadFailure(`could not download the Python runtime: HTTP ${response.status} for ${url}`)
  await response.arrayBuffer()
}
