import { describeProblem, type ParsedManifest, type PluginEntry } from '../core/manifest/types'
import { mergeManifests } from '../core/manifest/mergeManifests'
import { PluginSandbox } from '../runtime/pluginSandbox'
import { PythonSandbox } from '../runtime/python/pythonSandbox'
import type { Sandbox } from '../runtime/sandboxKinds'
import { loadRegistry } from './registries'
import { startThreadWorker } from './threadWorker'

/** How many plugin threads start at once: each compiles the runtime, so a crowd on few cores would hit load limits. */
const PARALLEL_LOADS = 4
const NO_PYTHON = 'the headless runner cannot run Python plugins yet (they run in the playground page)'

/** The registries of one run of the headless runner, and a thread-backed sandbox per plugin it uses. */
export class HeadlessRegistry {
  private readonly sandboxes = new Map<string, Sandbox>()

  /** The plugins `list` and `health` go through: Python plugins run only in the page for now. */
  readonly entries: PluginEntry[]

  private constructor(
    readonly manifests: ParsedManifest[],
    private readonly allEntries: PluginEntry[],
  ) {
    this.entries = allEntries.filter((entry) => entry.kind === 'module')
  }

  /** A line per plugin left out of `list` and `health`, and why. */
  get notes(): string[] {
    return this.allEntries.filter((entry) => entry.kind === 'python').map((entry) => `Skipped ${entry.name}: ${NO_PYTHON}`)
  }

  static async open(urls: string[]): Promise<HeadlessRegistry> {
    const manifests = await Promise.all(urls.map((url) => loadRegistry(url)))
    return new HeadlessRegistry(manifests, mergeManifests(manifests).entries)
  }

  /** `Invalid manifest …` / `Could not load registry …` lines, one per problem. */
  get problems(): string[] {
    return this.manifests.flatMap((manifest) => manifest.problems.map(describeProblem))
  }

  entry(name: string): PluginEntry | undefined {
    return this.allEntries.find((entry) => entry.name === name)
  }

  sandbox(entry: PluginEntry): Sandbox {
    let sandbox = this.sandboxes.get(entry.name)
    if (!sandbox) this.sandboxes.set(entry.name, (sandbox = headlessSandbox(entry)))
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

/** Python plugins load only in the page for now: their load fails with that reason. */
function headlessSandbox(entry: PluginEntry): Sandbox {
  if (entry.kind === 'module') return new PluginSandbox(entry, startThreadWorker)
  const unavailable = () => Promise.reject(new Error(NO_PYTHON))
  return new PythonSandbox(entry, unavailable, undefined, '')
}
