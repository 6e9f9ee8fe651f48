import { errorMessage } from '../core/errorMessage'
import { isCommandResult, outcomes } from '../core/hostOutcomes'
import type { ModulePluginEntry } from '../core/manifest/types'
import type { CommandResult } from '../core/pluginContract'
import type { WorkspaceFs } from '../core/workspace/types'
import type { WorkerChannel } from './channel'
import type { AbortReason, HealthReport, HomeFiles, LoadedPlugin, LoadStage } from './protocol'
import { parseHealthReport } from './replyValues'
import { SandboxSession, type LoadRequestBody, type StartWorker } from './sandboxSession'
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
const startBrowserWorker: StartWorker = async (name) => (await import('./sandboxWorker')).startSandboxWorker(name)

export type LoadListener = (outcome: { ok: true; loaded: LoadedPlugin } | { ok: false; reason: string }) => void
export type LoadStageListener = (stage: LoadStage) => void

/** What differs between the kinds of sandbox: how a worker starts and what it is asked to load. */
export interface SandboxKind {
  name: string
  loadRequest: LoadRequestBody
  startWorker: StartWorker
  /** The shortest time limit a load may have (a Python runtime starts in seconds, not milliseconds). */
  minLoadTimeoutMs: number
  /** Whether calls carry the texts of `~/.strataregula/`. */
  takesHomeFiles: boolean
  /** Loads of this kind that wait for each other's end before starting. */
  startQueue?: StartQueue
}

/**
 * One plugin in its own sandbox worker. Every request has a time limit; past it the worker is
 * terminated (unless a health check times out while a command runs), and the next use starts a fresh
 * one and loads the plugin again.
 */
export class Sandbox {
  private session: SandboxSession | undefined
  private loadListener: LoadListener | undefined
  private stageListener: LoadStageListener | undefined

  constructor(private readonly kind: SandboxKind) {}

  /** Hears each stage of every load, e.g. to show that Python is starting. */
  onLoadStage(listener: LoadStageListener): void {
    this.stageListener = listener
  }

  /**
   * Hears how every load ends, also the silent reloads that follow a stopped command or health check,
   * so that what the app shows of the plugin stays true.
   */
  onLoadSettled(listener: LoadListener): void {
    this.loadListener = listener
  }

  /** Loads the plugin (once per worker) and returns what `get_info()` said. */
  load(timeoutMs: number = TIME_LIMITS.load): Promise<LoadedPlugin> {
    return this.currentSession(timeoutMs).loaded
  }

  async health(timeoutMs: number = TIME_LIMITS.health): Promise<HealthReport> {
    try {
      const channel = await this.currentSession(timeoutMs).ready()
      const { id, reply } = channel.request({ type: 'health' })
      const value = await withTimeLimit(reply, timeoutMs, () => healthTimedOut(channel, id, timeoutMs))
      return parseHealthReport(value) ?? { healthy: false, error: 'the sandbox answered with an invalid health report' }
    } catch (error) {
      return { healthy: false, error: errorMessage(error) }
    }
  }

  async call(command: string, kwargs: Record<string, unknown>, options: CallOptions): Promise<CommandResult> {
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
    const homeFiles = this.kind.takesHomeFiles ? { homeFiles: options.homeFiles ?? {} } : {}
    const { id, reply } = channel.request(
      { type: 'call', command, kwargs, config: options.config, ...homeFiles },
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
        session.end(STOPPED_AFTER[reason], ABORT_GRACE_MS)
      }
      const timer = setTimeout(() => stop('timeout', outcomes.timedOut(timeoutMs)), timeoutMs)
      const onAbort = () => stop('cancelled', outcomes.cancelled())
      reply.then(
        // The runtime checks results too, but plugin code can forge the runtime's reply.
        (value) => finish(isCommandResult(value) ? value : outcomes.invalidResult()),
        (error: unknown) => finish(outcomes.executionFailed(errorMessage(error))),
      )
      if (options.signal?.aborted) return onAbort()
      options.signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  destroy(): void {
    this.session?.end('the plugin was unloaded')
  }

  private currentSession(loadTimeoutMs: number): SandboxSession {
    if (!this.session || this.session.isOver) {
      const { name, loadRequest, startWorker, minLoadTimeoutMs, startQueue } = this.kind
      const onStage = (stage: LoadStage) => this.stageListener?.(stage)
      const session = new SandboxSession(name, loadRequest, startWorker, Math.max(loadTimeoutMs, minLoadTimeoutMs), onStage, startQueue)
      this.session = session
      session.loaded.then(
        (loaded) => this.loadListener?.({ ok: true, loaded }),
        (error: unknown) => this.loadListener?.({ ok: false, reason: error instanceof PluginLoadError ? error.reason : errorMessage(error) }),
      )
    }
    return this.session
  }
}

/** An ES-module plugin's sandbox. */
export class PluginSandbox extends Sandbox {
  constructor(entry: ModulePluginEntry, startWorker: StartWorker = startBrowserWorker) {
    const { name, moduleUrl, exportName, integrity } = entry
    const loadRequest: LoadRequestBody = { type: 'load', moduleUrl, exportName, ...(integrity ? { integrity } : {}) }
    super({ name, loadRequest, startWorker, minLoadTimeoutMs: 0, takesHomeFiles: false })
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
