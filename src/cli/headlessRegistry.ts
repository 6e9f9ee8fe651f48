import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describeProblem, type ParsedManifest, type PluginEntry } from '../core/manifest/types'
import { mergeManifests } from '../core/manifest/mergeManifests'
import { PluginSandbox } from '../runtime/pluginSandbox'
import { PythonSandbox } from '../runtime/python/pythonSandbox'
import type { Sandbox } from '../runtime/sandboxKinds'
import { SandboxPool } from '../runtime/sandboxPool'
import { loadRegistry } from './registries'
import { startPythonThread, startThreadWorker } from './threadWorker'

/** How many plugin threads start at once: each compiles the runtime, so a crowd on few cores would hit load limits. */
const PARALLEL_LOADS = 4

/** The `pyodide` package's folder: Python threads load the runtime from disk. */
const PYTHON_RUNTIME_URL = `${pathToFileURL(dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))).href}/`

/** The registries of one run of the headless runner, and a thread-backed sandbox per plugin it uses. */
export class HeadlessRegistry {
  private readonly sandboxes = new Map<string, Sandbox>()
  /** Python environments are counted but never retired: a run of the runner uses each for all its plugins. */
  private readonly pool = new SandboxPool(Infinity)

  private constructor(
    readonly manifests: ParsedManifest[],
    readonly entries: PluginEntry[],
  ) {}

  static async open(urls: string[]): Promise<HeadlessRegistry> {
    const manifests = await Promise.all(urls.map((url) => loadRegistry(url)))
    return new HeadlessRegistry(manifests, mergeManifests(manifests).entries)
  }

  /** `Invalid manifest …` / `Could not load registry …` lines, one per problem. */
  get problems(): string[] {
    return this.manifests.flatMap((manifest) => manifest.problems.map(describeProblem))
  }

  entry(name: string): PluginEntry | undefined {
    return this.entries.find((entry) => entry.name === name)
  }

  sandbox(entry: PluginEntry): Sandbox {
    let sandbox = this.sandboxes.get(entry.name)
    if (!sandbox) {
      sandbox =
        entry.kind === 'module' ? new PluginSandbox(entry, startThreadWorker) : new PythonSandbox(entry, startPythonThread, this.pool, PYTHON_RUNTIME_URL)
      this.sandboxes.set(entry.name, sandbox)
    }
    return sandbox
  }

  /** Runs `task` for every plugin, a few at a time, results in registry order. */
  async forEachPlugin<T>(task: (entry: PluginEntry, sandbox: Sandbox) => Promise<T>): Promise<T[]> {
    const results: T[] = new Array(this.entries.length)
    let next = 0
    const worker = async () => {
      while (next < this.entries.length) {
        const index = next++
        const entry = this.entries[index]
        results[index] = await task(entry, this.sandbox(entry))
      }
    }
    await Promise.all(Array.from({ length: Math.min(PARALLEL_LOADS, this.entries.length) }, worker))
    return results
  }

  close(): void {
    for (const sandbox of this.sandboxes.values()) sandbox.destroy()
  }
}
