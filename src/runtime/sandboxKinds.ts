import type { PluginEntry } from '../core/manifest/types'
import type { CommandResult } from '../core/pluginContract'
import { type CallOptions, type LoadListener, type LoadStageListener, PluginSandbox } from './pluginSandbox'
import type { HealthReport, LoadedPlugin } from './protocol'
import { PythonSandbox } from './python/pythonSandbox'
import type { PoolMember, SandboxPool } from './sandboxPool'
import type { StartWorker } from './sandboxSession'

/** What the app uses of a plugin's sandbox, whatever runs inside it. */
export interface Sandbox extends PoolMember {
  load(timeoutMs?: number): Promise<LoadedPlugin>
  health(timeoutMs?: number): Promise<HealthReport>
  call(command: string, kwargs: Record<string, unknown>, options: CallOptions): Promise<CommandResult>
  destroy(): void
  onLoadSettled(listener: LoadListener): void
  onLoadStage(listener: LoadStageListener): void
}

export interface SandboxKind {
  /** Whether this kind runs the plugin of `entry`. */
  runs(entry: PluginEntry): boolean
  /** Whether its plugins may be listed by the JavaScript discovery sandboxes (see `discovery.ts`). */
  discoverable: boolean
  /** A sandbox for one plugin; it asks `pool` for room, counting its own weight, before starting a worker. */
  create(entry: PluginEntry, pool: SandboxPool, startWorker?: StartWorker): Sandbox
}

/** ES-module plugins, each in a module worker of its own. */
export const javascriptSandboxes: SandboxKind = {
  runs: (entry) => entry.kind === 'module',
  discoverable: true,
  create: (entry, pool, startWorker) => new PluginSandbox(entry, startWorker, pool),
}

/**
 * Python plugins: those of one manifest share one worker running CPython (their environment), which weighs
 * PYTHON_SANDBOX_WEIGHT in the pool; listing reads their wheels, so discovery never starts one.
 */
export const pythonSandboxes: SandboxKind = {
  runs: (entry) => entry.kind === 'python',
  discoverable: false,
  create: (entry, pool, startWorker) => {
    if (entry.kind !== 'python') throw new Error(`${entry.name} is not a Python plugin`)
    return new PythonSandbox(entry, startWorker, pool)
  },
}

/** The kinds in the order they are asked; the first that runs an entry gets it. */
export const SANDBOX_KINDS: readonly SandboxKind[] = [javascriptSandboxes, pythonSandboxes]

export function kindOf(entry: PluginEntry, kinds: readonly SandboxKind[] = SANDBOX_KINDS): SandboxKind {
  return kinds.find((kind) => kind.runs(entry)) ?? javascriptSandboxes
}
