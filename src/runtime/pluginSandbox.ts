import { errorMessage } from '../core/errorMessage'
import { isCommandResult, outcomes } from '../core/hostOutcomes'
import { jsonSafe } from '../core/jsonSafe'
import type { PluginEntry } from '../core/manifest/types'
import type { CommandResult } from '../core/pluginContract'
import type { WorkspaceFs } from '../core/workspace/types'
import type { WorkerChannel } from './channel'
import { type LoadRequestBody, moduleLoadRequest } from './loadRequest'
import { type AbortReason, type HealthReport, type HomeFiles, hostedName, type LoadedPlugin, type LoadStage } from './protocol'
import { parseHealthReport } from './replyValues'
import { SandboxSession, type StartWorker } from './sandboxSession'
import { SandboxPool, type PoolMember } from './sandboxPool'
import type { StartQueue } from './startQueue'
import { ABORT_GRACE_MS, TIME_LIMITS } from './timeLimits'
import { withTimeLimit } from './withTimeLimit'

import { PluginLoadError } from './pluginLoadError'

export { PluginLoadError }

export interface CallOptions {
  config: Record<string, unknown>
  fs: WorkspaceFs
  timeoutMs?: number
  signal?: AbortSignal
  /** The stored texts of `~/.strataregula/`; only Python plugins receive them (as files). */
  homeFiles?: HomeFiles
  onLog?(message: string): void
  onProgress?(done: number, total: number, label?: string): void
}

const STOPPED_AFTER: Record<AbortReason, string> = {
  cancelled: "the plugin's worker was stopped after a command was cancelled",
  timeout: "the plugin's worker was stopped after a command timed out",
}

/** Imported on first use: that module's `?worker&url` import exists only in Vite builds, and unit tests start fakes. */
export const startBrowserWorker: StartWorker = async (name, policy) => (await import('./sandboxWorker')).startSandboxWorker(name, policy)

export type LoadOutcome = { ok: true; loaded: LoadedPlugin } | { ok: false; reason: string }
export type LoadListener = (outcome: LoadOutcome) => void
export type LoadStageListener = (stage: LoadStage) => void

/** What differs between kinds of plugin sandbox besides their worker. */
export interface SandboxTraits {
  /** What it counts in the pool while live (see `sandboxPool.ts`). */
  weight: number
  /** What its worker is asked to load. */
  loadRequest: LoadRequestBody
  /** The shortest time limit a load may have (a Python runtime starts in seconds, not milliseconds). */
  minLoadTimeoutMs: number
  /** Whether calls carry the texts of `~/.strataregula/`. */
  takesHomeFiles: boolean
  /** Loads of this kind that wait for each other's end before starting their worker. */
  startQueue?: StartQueue
  /** How long a stopped command's worker may go on before it is terminated (default ABORT_GRACE_MS). */
  abortGraceMs?: number
}

/** What a sandbox asks of its pool: a pool, or what stands for one when the sandbox shares its worker. */
export type PoolAdmission = Pick<SandboxPool, 'admit' | 'touch' | 'leave' | 'idle'>

function moduleTraits(entry: PluginEntry): SandboxTraits {
  if (entry.kind !== 'module') throw new Error(`${entry.name} is not an ES-module plugin`)
  return { weight: 1, loadRequest: moduleLoadRequest('load', entry), minLoadTimeoutMs: 0, takesHomeFiles: false }
}

/**
 * One plugin in its own sandbox worker. Every request has a time limit; past it the worker is
 * terminated (unless a health check times out while a command runs), and the next use starts a fresh
 * one and loads the plugin again. The worker starts on first use, once the pool has room for it, and
 * the pool may retire it while it is idle: the next use then loads the plugin again.
 */
export class PluginSandbox implements PoolMember {
  readonly weight: number
  private session: SandboxSession | undefined
  /** Sessions whose worker has not stopped yet: the current one, and ended ones in their grace period. */
  private readonly liveSessions = new Set<SandboxSession>()
  private uses = 0
  private loadListener: LoadListener | undefined
  private stageListener: LoadStageListener | undefined

  constructor(
    private readonly entry: PluginEntry,
    private readonly startWorker: StartWorker = startBrowserWorker,
    /** By default a pool of its own, without a limit. */
    private readonly pool: PoolAdmission = new SandboxPool(Infinity),
    private readonly traits: SandboxTraits = moduleTraits(entry),
  ) {
    this.weight = traits.weight
  }

  get isBusy(): boolean {
    return this.uses > 0 || [...this.liveSessions].some((session) => session.isStopping)
  }

  retire(): void {
    this.session?.end('the sandbox was retired while idle')
  }

  /**
   * Hears how every load ends, also the silent reloads that follow a stopped command or health check,
   * so that what the app shows of the plugin stays true.
   */
  onLoadSettled(listener: LoadListener): void {
    this.loadListener = listener
  }

  /** Hears each stage of every load, e.g. to show that Python is starting. */
  onLoadStage(listener: LoadStageListener): void {
    this.stageListener = listener
  }

  /** Loads the plugin (once per worker) and returns what `get_info()` said. */
  load(timeoutMs: number = TIME_LIMITS.load): Promise<LoadedPlugin> {
    return this.inUse(() => this.currentSession(timeoutMs).loaded)
  }

  health(timeoutMs: number = TIME_LIMITS.health): Promise<HealthReport> {
    return this.inUse(() => this.checkHealth(timeoutMs))
  }

  call(command: string, kwargs: Record<string, unknown>, options: CallOptions): Promise<CommandResult> {
    return this.inUse(() => this.callCommand(command, kwargs, options))
  }

  destroy(): void {
    this.session?.end('the plugin was unloaded')
  }

  /** Runs a use of the sandbox, during which the pool never retires it. */
  private async inUse<T>(use: () => Promise<T>): Promise<T> {
    this.uses++
    this.pool.touch(this)
    try {
      return await use()
    } finally {
      this.uses--
      if (!this.isBusy) this.pool.idle()
    }
  }

  private async checkHealth(timeoutMs: number): Promise<HealthReport> {
    try {
      const channel = await this.currentSession(timeoutMs).ready()
      const { id, reply } = channel.request({ type: 'health', ...this.hosted() })
      const value = await withTimeLimit(reply, timeoutMs, () => healthTimedOut(channel, id, timeoutMs))
      return parseHealthReport(value) ?? { healthy: false, error: 'the sandbox answered with an invalid health report' }
    } catch (error) {
      return { healthy: false, error: errorMessage(error) }
    }
  }

  private async callCommand(command: string, kwargs: Record<string, unknown>, options: CallOptions): Promise<CommandResult> {
    const timeoutMs = options.timeoutMs ?? TIME_LIMITS.call
    const session = this.currentSession(TIME_LIMITS.load)
    let channel: WorkerChannel | 'cancelled'
    try {
      // A plugin reloading after a stopped call can take its load time limit: Cancel must not wait for it.
      channel = await Promise.race([session.ready(), whenAborted(options.signal)])
    } catch (error) {
      return outcomes.executionFailed(errorMessage(error))
    }
    if (channel === 'cancelled') return outcomes.cancelled()
    const homeFiles = this.traits.takesHomeFiles ? { homeFiles: options.homeFiles ?? {} } : {}
    const { id, reply } = channel.request(
      { type: 'call', command, kwargs, config: options.config, ...homeFiles, ...this.hosted() },
      { fs: options.fs, onLog: options.onLog, onProgress: options.onProgress },
    )
    return new Promise<CommandResult>((resolve) => {
      const finish = (outcome: CommandResult) => {
        clearTimeout(timer)
        options.signal?.removeEventListener('abort', onAbort)
        resolve(outcome)
      }
      const stop = (reason: AbortReason, outcome: CommandResult) => {
        finish(outcome)
        channel.abort(id, reason)
        // The next use starts a fresh worker; this one gets a moment to honour ctx.signal, then is stopped
        // whatever it is doing, so a plugin that ignores the signal cannot keep a core busy.
        session.end(STOPPED_AFTER[reason], this.traits.abortGraceMs ?? ABORT_GRACE_MS)
      }
      const timer = setTimeout(() => stop('timeout', outcomes.timedOut(timeoutMs)), timeoutMs)
      const onAbort = () => stop('cancelled', outcomes.cancelled())
      reply.then(
        // The runtime checks results too, but plugin code can forge the runtime's reply; the page shows what JSON can.
        (value) => finish(isCommandResult(value) ? (jsonSafe(value) as CommandResult) : outcomes.invalidResult()),
        (error: unknown) => finish(outcomes.executionFailed(errorMessage(error))),
      )
      if (options.signal?.aborted) return onAbort()
      options.signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** Which plugin of its worker a request is for, when the worker hosts several. */
  private hosted(): { plugin?: string } {
    const plugin = hostedName(this.traits.loadRequest)
    return plugin === undefined ? {} : { plugin }
  }

  private currentSession(loadTimeoutMs: number): SandboxSession {
    if (!this.session || this.session.isOver) {
      const { loadRequest, minLoadTimeoutMs, startQueue } = this.traits
      const startWorker: StartWorker = (name, policy) => this.pool.admit(this).then(() => this.startWorker(name, policy))
      const onStage = (stage: LoadStage) => this.stageListener?.(stage)
      const session = new SandboxSession(this.entry, loadRequest, startWorker, Math.max(loadTimeoutMs, minLoadTimeoutMs), { onStage, startQueue })
      this.session = session
      this.liveSessions.add(session)
      void session.stopped.then(() => {
        this.liveSessions.delete(session)
        if (this.liveSessions.size === 0) this.pool.leave(this)
        else if (!this.isBusy) this.pool.idle()
      })
      session.loaded.then(
        (loaded) => this.loadListener?.({ ok: true, loaded }),
        (error: unknown) => this.loadListener?.({ ok: false, reason: error instanceof PluginLoadError ? error.reason : errorMessage(error) }),
      )
    }
    return this.session
  }
}

function whenAborted(signal: AbortSignal | undefined): Promise<'cancelled'> {
  return new Promise((resolve) => {
    if (signal?.aborted) resolve('cancelled')
    signal?.addEventListener('abort', () => resolve('cancelled'), { once: true })
  })
}

/** A health check must not end a user's command: while one runs, a hung check is only reported. */
function healthTimedOut(channel: WorkerChannel, id: number, timeoutMs: number): Error {
  if (channel.hasPending('call')) {
    channel.abort(id, 'timeout')
    return new Error(`health check timed out after ${timeoutMs} ms (the plugin is busy running a command)`)
  }
  channel.close("the plugin's worker was stopped after its health check timed out")
  return new Error(`health check timed out after ${timeoutMs} ms`)
}
