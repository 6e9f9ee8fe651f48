import { errorMessage } from '../core/errorMessage'
import { type SandboxWorker, WorkerChannel } from './channel'
import { PluginLoadError } from './pluginLoadError'
import type { LoadedPlugin, LoadRequest, LoadStage } from './protocol'
import type { StartQueue } from './startQueue'
import { parseLoadedPlugin } from './replyValues'
import { withTimeLimit } from './withTimeLimit'

export type StartWorker = (name: string) => SandboxWorker | Promise<SandboxWorker>
export type LoadRequestBody = LoadRequest extends infer Request ? (Request extends LoadRequest ? Omit<Request, 'id'> : never) : never

const STAGE_WORDS: Record<LoadStage, string> = {
  runtime: 'while downloading the Python runtime',
  python: 'while starting Python',
  wheels: 'while installing the wheels',
  import: 'while importing the module',
  create: 'while creating the plugin',
  get_info: 'in get_info()',
}

/** One sandbox worker and the plugin loaded in it. Once it is over, the next use needs a new session. */
export class SandboxSession {
  readonly loaded: Promise<LoadedPlugin>
  private channel: WorkerChannel | undefined
  private endedBecause: string | undefined

  constructor(name: string, loadRequest: LoadRequestBody, startWorker: StartWorker, timeoutMs: number, onStage?: (stage: LoadStage) => void, queue?: StartQueue) {
    this.loaded = queue ? this.loadInTurn(queue, () => this.load(name, loadRequest, startWorker, timeoutMs, onStage)) : this.load(name, loadRequest, startWorker, timeoutMs, onStage)
  }

  get isOver(): boolean {
    return this.endedBecause !== undefined || this.channel?.isClosed === true
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

  private async loadInTurn(queue: StartQueue, load: () => Promise<LoadedPlugin>): Promise<LoadedPlugin> {
    const leave = await queue.enter()
    try {
      return await load()
    } finally {
      leave()
    }
  }

  private async load(name: string, loadRequest: LoadRequestBody, startWorker: StartWorker, timeoutMs: number, onStage?: (stage: LoadStage) => void): Promise<LoadedPlugin> {
    let worker: SandboxWorker
    try {
      worker = await startWorker(name)
    } catch (error) {
      this.endedBecause = `the sandbox worker could not start: ${errorMessage(error)}`
      throw new PluginLoadError(this.endedBecause)
    }
    const channel = new WorkerChannel(worker)
    this.channel = channel
    if (this.endedBecause !== undefined) {
      channel.close(this.endedBecause)
      throw new PluginLoadError(this.endedBecause)
    }
    let stage: LoadStage = loadRequest.type === 'load' ? 'import' : 'runtime'
    onStage?.(stage)
    const { reply } = channel.request(loadRequest, {
      onStage: (next) => {
        stage = next
        onStage?.(next)
      },
    })
    try {
      const value = await withTimeLimit(reply, timeoutMs, () => new PluginLoadError(`timed out after ${timeoutMs} ms ${STAGE_WORDS[stage]}`))
      const loaded = parseLoadedPlugin(value)
      if (!loaded) throw new PluginLoadError('the sandbox answered with an invalid plugin description')
      return loaded
    } catch (error) {
      channel.close('the plugin failed to load')
      throw error instanceof PluginLoadError ? error : new PluginLoadError(errorMessage(error))
    }
  }
}
