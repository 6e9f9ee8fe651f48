import { errorMessage } from '../core/errorMessage'
import type { PluginEntry } from '../core/manifest/types'
import { networkPolicyOf, type NetworkPolicy } from '../core/networkPolicy'
import { type SandboxWorker, WorkerChannel } from './channel'
import { type LoadRequestBody, requestLoad } from './loadRequest'
import { PluginLoadError } from './pluginLoadError'
import type { LoadedPlugin, LoadStage } from './protocol'
import type { StartQueue } from './startQueue'

/** Starts a sandbox worker that may reach only the origins of `policy`. */
export type StartWorker = (name: string, policy: NetworkPolicy) => SandboxWorker | Promise<SandboxWorker>

export interface SessionOptions {
  /** Hears each stage of the load as it begins. */
  onStage?(stage: LoadStage): void
  /** Sessions that start one after the other: this one waits for its turn before starting its worker, and holds it until loaded. */
  startQueue?: StartQueue
}

/** One sandbox worker and the plugin loaded in it. Once it is over, the next use needs a new session. */
export class SandboxSession {
  readonly loaded: Promise<LoadedPlugin>
  /** Settles once the worker has stopped, or could not start. */
  readonly stopped: Promise<void>
  private channel: WorkerChannel | undefined
  private endedBecause: string | undefined

  constructor(entry: PluginEntry, request: LoadRequestBody, startWorker: StartWorker, timeoutMs: number, { onStage, startQueue }: SessionOptions = {}) {
    const turn = startQueue ? startQueue.enter() : Promise.resolve(() => undefined)
    const started = turn.then(() => this.start(entry, startWorker))
    this.loaded = started.then((channel) => this.load(channel, request, timeoutMs, onStage))
    void turn.then((leave) => this.loaded.then(leave, leave))
    this.stopped = started.then(
      (channel) => channel.stopped,
      () => undefined,
    )
  }

  get isOver(): boolean {
    return this.endedBecause !== undefined || this.channel?.isClosed === true
  }

  /** Ended, but its worker still has its grace period to stop by itself. */
  get isStopping(): boolean {
    return this.endedBecause !== undefined && this.channel?.isClosed === false
  }

  /** The channel to the loaded plugin. */
  async ready(): Promise<WorkerChannel> {
    await this.loaded
    if (!this.channel || this.channel.isClosed) throw new Error("the plugin's worker stopped")
    return this.channel
  }

  /** Takes the session out of use at once; its worker is terminated after `graceMs`, failing what is still open. */
  end(reason: string, graceMs = 0): void {
    this.endedBecause = reason
    if (graceMs > 0) setTimeout(() => this.channel?.close(reason), graceMs)
    else this.channel?.close(reason)
  }

  private async start(entry: PluginEntry, startWorker: StartWorker): Promise<WorkerChannel> {
    let worker: SandboxWorker
    try {
      worker = await startWorker(entry.name, networkPolicyOf(entry))
    } catch (error) {
      this.endedBecause = `the sandbox worker could not start: ${errorMessage(error)}`
      throw new PluginLoadError(this.endedBecause)
    }
    const channel = new WorkerChannel(worker)
    this.channel = channel
    return channel
  }

  private async load(channel: WorkerChannel, request: LoadRequestBody, timeoutMs: number, onStage?: (stage: LoadStage) => void): Promise<LoadedPlugin> {
    if (this.endedBecause !== undefined) {
      channel.close(this.endedBecause)
      throw new PluginLoadError(this.endedBecause)
    }
    try {
      return await requestLoad(channel, request, timeoutMs, onStage)
    } catch (error) {
      channel.close('the plugin failed to load')
      throw error
    }
  }
}
