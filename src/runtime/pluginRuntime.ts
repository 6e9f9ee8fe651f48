import type { ModulePluginEntry, PluginEntry } from '../core/manifest/types'
import type { LoadStage } from './protocol'
import { discoverPlugins } from './discovery'
import { type LoadOutcome, startBrowserWorker } from './pluginSandbox'
import { kindOf, SANDBOX_KINDS, type Sandbox, type SandboxKind } from './sandboxKinds'
import { SandboxPool } from './sandboxPool'
import type { LoadedPlugin } from './protocol'
import type { StartWorker } from './sandboxSession'

export type LoadReport = (name: string, outcome: LoadOutcome) => void

export interface RuntimeOptions {
  pool?: SandboxPool
  /** Starts the workers of every kind and of discovery (tests); by default each kind starts its own. */
  startWorker?: StartWorker
  /** Hears each stage of every load of a plugin's own sandbox, as it begins. */
  reportStage?: (name: string, stage: LoadStage) => void
  kinds?: readonly SandboxKind[]
}

/**
 * The plugins of the registries in use and their sandboxes, sharing one pool. Every load's outcome, from
 * discovery or from a plugin's own sandbox (reloads after a stop or a retirement included), goes to `report`,
 * so what the app shows of a plugin stays true; outcomes of sandboxes replaced since are dropped.
 */
export class PluginRuntime {
  readonly pool: SandboxPool
  private readonly startWorker: StartWorker | undefined
  private readonly reportStage: RuntimeOptions['reportStage']
  private readonly kinds: readonly SandboxKind[]
  private sandboxes = new Map<string, { entry: PluginEntry; sandbox: Sandbox }>()

  constructor(
    private readonly report: LoadReport,
    options: RuntimeOptions = {},
  ) {
    this.pool = options.pool ?? new SandboxPool()
    this.startWorker = options.startWorker
    this.reportStage = options.reportStage
    this.kinds = options.kinds ?? SANDBOX_KINDS
  }

  /** Replaces every plugin: the sandboxes of the former ones are destroyed. No worker starts before a use. */
  replace(entries: readonly PluginEntry[]): void {
    for (const { sandbox } of this.sandboxes.values()) sandbox.destroy()
    const sandboxes = new Map<string, { entry: PluginEntry; sandbox: Sandbox }>()
    this.sandboxes = sandboxes
    for (const entry of entries) {
      const sandbox = kindOf(entry, this.kinds).create(entry, this.pool, this.startWorker)
      sandbox.onLoadSettled((outcome) => {
        if (this.sandboxes === sandboxes) this.report(entry.name, outcome)
      })
      sandbox.onLoadStage((stage) => {
        if (this.sandboxes === sandboxes) this.reportStage?.(entry.name, stage)
      })
      sandboxes.set(entry.name, { entry, sandbox })
    }
  }

  /**
   * Replaces one plugin: the sandbox of the former `name` is destroyed first (its worker stops), then `entry`
   * (if any) gets a new one. No worker starts before a use.
   */
  replaceOne(name: string, entry: PluginEntry | undefined): void {
    const sandboxes = this.sandboxes
    sandboxes.get(name)?.sandbox.destroy()
    sandboxes.delete(name)
    if (!entry) return
    const sandbox = kindOf(entry, this.kinds).create(entry, this.pool, this.startWorker)
    sandbox.onLoadSettled((outcome) => {
      if (this.sandboxes === sandboxes && sandboxes.get(name)?.sandbox === sandbox) this.report(name, outcome)
    })
    sandboxes.set(name, { entry, sandbox })
  }

  /** Loads `entry` in a sandbox of its own that is destroyed once `get_info()` answered: what the plugin says of itself. */
  async describeAlone(entry: PluginEntry): Promise<LoadedPlugin> {
    const sandbox = kindOf(entry, this.kinds).create(entry, this.pool, this.startWorker)
    try {
      return await sandbox.load()
    } finally {
      sandbox.destroy()
    }
  }

  sandbox(name: string): Sandbox | undefined {
    return this.sandboxes.get(name)?.sandbox
  }

  /** Loads one plugin in its own sandbox; the outcome goes to the report. */
  async load(name: string): Promise<void> {
    await this.sandbox(name)
      ?.load()
      .catch(() => undefined)
  }

  /** Loads many plugins: those of discoverable kinds through discovery, the others each in its own sandbox. */
  async loadMany(names: readonly string[]): Promise<void> {
    const sandboxes = this.sandboxes
    const chosen = names.flatMap((name) => sandboxes.get(name)?.entry ?? [])
    const isDiscoverable = (entry: PluginEntry): entry is ModulePluginEntry => entry.kind === 'module' && kindOf(entry, this.kinds).discoverable
    const discoverable = chosen.filter(isDiscoverable)
    const others = chosen.filter((entry) => !isDiscoverable(entry))
    await Promise.all([
      ...others.map((entry) => this.load(entry.name)),
      discoverPlugins(discoverable, {
        pool: this.pool,
        startWorker: this.startWorker ?? startBrowserWorker,
        // A plugin replaced meanwhile (`replaceOne`) is no longer the one discovered.
        onDiscovered: (found) => {
          for (const { entry, loaded } of found) if (sandboxes.get(entry.name)?.entry === entry) this.report(entry.name, { ok: true, loaded })
        },
        loadAlone: (entry) => (sandboxes.get(entry.name)?.entry === entry ? this.load(entry.name) : Promise.resolve()),
      }),
    ])
  }
}
