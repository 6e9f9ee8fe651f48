import { outcomes } from '../core/hostOutcomes'
import type { CommandResult } from '../core/pluginContract'
import type { PluginEntry } from '../core/manifest/types'
import type { WorkspaceFs } from '../core/workspace/types'
import { ChannelClosedError, WorkerChannel } from './channel'
import type { HealthReport, LoadedPlugin, LoadStage } from './protocol'
import { startSandboxWorker } from './sandboxWorker'
import { ABORT_GRACE_MS, TIME_LIMITS } from './timeLimits'

export interface CallOptions {
  config: Record<string, unknown>
  fs: WorkspaceFs
  timeoutMs?: number
  signal?: AbortSignal
  onLog?(message: string): void
  onProgress?(done: number, total: number, label?: string): void
}

const STAGE_WORDS: Record<LoadStage, string> = {
  import: 'while importing the module',
  create: 'while creating the plugin',
  get_info: 'in get_info()',
}

/** A load that failed, with the reason to show after `Failed to load plugin <name>: `. */
export class PluginLoadError extends Error {
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'PluginLoadError'
  }
}

/**
 * One plugin in its own sandbox worker. Every request has a time limit; past it the worker is
 * terminated, and the next use starts a fresh one and loads the plugin again.
 */
export class PluginSandbox {
  private channel: WorkerChannel | undefined
  private loading: Promise<LoadedPlugin> | undefined

  constructor(private readonly entry: PluginEntry) {}

  /** Loads the plugin (once per worker) and returns what `get_info()` said. */
  load(timeoutMs: number = TIME_LIMITS.load): Promise<LoadedPlugin> {
    if (this.loading && this.channel && !this.channel.isClosed) return this.loading
    const channel = new WorkerChannel(startSandboxWorker(this.entry.name))
    this.channel = channel
    let stage: LoadStage = 'import'
    const { moduleUrl, exportName, integrity } = this.entry
    const { reply } = channel.request(
      { type: 'load', moduleUrl, exportName, ...(integrity ? { integrity } : {}) },
      { onStage: (next) => (stage = next) },
    )
    this.loading = withTimeLimit(reply, timeoutMs, () => {
      channel.close('time limit')
      return new PluginLoadError(`timed out after ${timeoutMs} ms ${STAGE_WORDS[stage]}`)
    }).catch((error: unknown) => {
      channel.close('load failed')
      throw error instanceof PluginLoadError ? error : new PluginLoadError(error instanceof Error ? error.message : String(error))
    })
    return this.loading
  }

  async health(timeoutMs: number = TIME_LIMITS.health): Promise<HealthReport> {
    try {
      const channel = await this.readyChannel(timeoutMs)
      const { reply } = channel.request({ type: 'health' })
      return await withTimeLimit(reply, timeoutMs, () => {
        channel.close('time limit')
        return new Error(`health check timed out after ${timeoutMs} ms`)
      })
    } catch (error) {
      return { healthy: false, error: error instanceof Error ? error.message : String(error) }
    }
  }

  async call(command: string, kwargs: Record<string, unknown>, options: CallOptions): Promise<CommandResult> {
    const timeoutMs = options.timeoutMs ?? TIME_LIMITS.call
    let channel: WorkerChannel
    try {
      channel = await this.readyChannel(TIME_LIMITS.load)
    } catch (error) {
      return outcomes.executionFailed(error instanceof Error ? error.message : String(error))
    }
    const { id, reply } = channel.request(
      { type: 'call', command, kwargs, config: options.config },
      { fs: options.fs, onLog: options.onLog, onProgress: options.onProgress },
    )
    return new Promise<CommandResult>((resolve) => {
      const stop = (reason: 'cancelled' | 'timeout', outcome: CommandResult) => {
        cleanup()
        channel.abort(id, reason)
        resolve(outcome)
        // The next use starts a fresh worker; this one gets a moment to honour ctx.signal, then is stopped
        // whatever it is doing, so a plugin that ignores the signal cannot keep a core busy.
        this.detach(channel)
        setTimeout(() => channel.close(`a call was ${reason === 'timeout' ? 'timed out' : 'cancelled'}`), ABORT_GRACE_MS)
      }
      const timer = setTimeout(() => stop('timeout', outcomes.timedOut(timeoutMs)), timeoutMs)
      const onAbort = () => stop('cancelled', outcomes.cancelled())
      const cleanup = () => {
        clearTimeout(timer)
        options.signal?.removeEventListener('abort', onAbort)
      }
      if (options.signal?.aborted) return onAbort()
      options.signal?.addEventListener('abort', onAbort, { once: true })
      reply.then(
        (result) => {
          cleanup()
          resolve(result)
        },
        (error: unknown) => {
          cleanup()
          const message = error instanceof ChannelClosedError ? `the plugin's worker stopped (${error.message})` : String((error as Error).message ?? error)
          resolve(outcomes.executionFailed(message))
        },
      )
    })
  }

  destroy(): void {
    this.channel?.close('destroyed')
    this.detach(this.channel)
  }

  private detach(channel: WorkerChannel | undefined): void {
    if (this.channel !== channel) return
    this.channel = undefined
    this.loading = undefined
  }

  private async readyChannel(timeoutMs: number): Promise<WorkerChannel> {
    await this.load(timeoutMs)
    if (!this.channel || this.channel.isClosed) throw new Error('the plugin\'s worker stopped')
    return this.channel
  }
}

function withTimeLimit<T>(promise: Promise<T>, timeoutMs: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), timeoutMs)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}
