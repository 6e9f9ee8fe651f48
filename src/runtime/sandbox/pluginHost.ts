import { errorMessage } from '../../core/errorMessage'
import { isCommandResult, outcomes } from '../../core/hostOutcomes'
import { callableCommands, resolveCommand } from '../../core/pluginCommands'
import { oversizedResult } from '../../core/resultSize'
import type { CommandResult } from '../../core/pluginContract'
import { type HealthReport, type HostMessage, type HostRequest, hostedName, type LoadedPlugin, type LoadStage, type WorkerMessage } from '../protocol'
import { checkHealth } from './checkHealth'
import { readPluginInfo } from './describePlugin'
import { importPlugin } from './importPlugin'
import { instantiatePlugin } from './instantiate'
import { RemoteContextFactory } from './remoteContext'

type Post = (message: WorkerMessage) => void
/** A request that creates the plugin: `describe` only asks what `get_info()` says of it. */
export type CreateRequest = Extract<HostRequest, { type: 'load' | 'load-python' | 'describe' }>
export type ImportModule = (moduleUrl: string, integrity?: string) => Promise<Record<string, unknown>>

/**
 * The plugin host inside a sandbox worker: it imports one plugin, answers the app's requests and runs
 * commands with a `ctx` whose file access goes back to the app.
 */
export class PluginHost {
  private readonly contexts: RemoteContextFactory
  private readonly aborters = new Map<number, AbortController>()
  /** The loaded plugins by their hosted name (see `hostedName`): one, unnamed, unless the worker hosts several. */
  private readonly plugins = new Map<string | undefined, { instance: Record<string, unknown>; commands: string[] }>()

  constructor(
    private readonly post: Post,
    private readonly importModule: ImportModule = importPlugin,
  ) {
    this.contexts = new RemoteContextFactory(post)
  }

  receive(message: HostMessage): void {
    switch (message.type) {
      case 'abort':
        this.aborters.get(message.id)?.abort(new DOMException(message.reason === 'timeout' ? 'Time limit reached' : 'Cancelled', 'AbortError'))
        return
      case 'fs-reply':
        this.contexts.settle(message.fsId, message)
        return
      case 'load':
      case 'load-python':
      case 'describe':
      case 'health':
      case 'call':
        this.handle(message).then(
          (value) => this.reply(message, value),
          (error: unknown) => {
            this.contexts.flush(message.id)
            this.post({ type: 'reply', id: message.id, ok: false, message: errorMessage(error) })
          },
        )
    }
  }

  private handle(request: HostRequest): Promise<unknown> {
    switch (request.type) {
      case 'load':
      case 'load-python':
        return this.load(request)
      case 'describe':
        return this.create(request).then(({ loaded }) => loaded)
      case 'health':
        return this.health(request)
      case 'call':
        return this.call(request)
    }
  }

  private async load(request: CreateRequest): Promise<LoadedPlugin> {
    const { instance, loaded } = await this.create(request)
    this.plugins.set(hostedName(request), { instance, commands: loaded.commands })
    return loaded
  }

  /** Creates the plugin and asks `get_info()`, telling the app each stage as it begins. */
  private async create(request: CreateRequest): Promise<{ instance: Record<string, unknown>; loaded: LoadedPlugin }> {
    const { plugin: instance } = await this.createPlugin(request, (stage) => this.post({ type: 'stage', id: request.id, stage }))
    this.post({ type: 'stage', id: request.id, stage: 'get_info' })
    const info = await readPluginInfo(instance)
    return { instance, loaded: { info, commands: callableCommands(instance, info.supported_commands) } }
  }

  /**
   * The plugin instance, from the module this runtime imports; another kind of sandbox creates it its own way.
   * It comes wrapped: a plugin with a `then` method must not be taken for a promise.
   */
  protected async createPlugin(request: CreateRequest, onStage: (stage: LoadStage) => void): Promise<{ plugin: Record<string, unknown> }> {
    if (request.type === 'load-python') throw new Error('this sandbox runs ES-module plugins only')
    onStage('import')
    const namespace = await this.importModule(request.moduleUrl, request.integrity)
    onStage('create')
    return { plugin: (await instantiatePlugin(namespace, request.exportName, request.moduleUrl)).plugin as Record<string, unknown> }
  }

  private async health(request: Extract<HostRequest, { type: 'health' }>): Promise<HealthReport> {
    const plugin = this.plugins.get(request.plugin)
    return plugin ? checkHealth(plugin.instance) : { healthy: false, error: 'plugin is not loaded' }
  }

  private async call(request: Extract<HostRequest, { type: 'call' }>): Promise<CommandResult> {
    const plugin = this.plugins.get(request.plugin)
    if (!plugin) return outcomes.executionFailed('plugin is not loaded')
    const method = resolveCommand(plugin.instance, plugin.commands, request.command)
    if (!method) return outcomes.notSupported(request.command)
    const aborter = new AbortController()
    this.aborters.set(request.id, aborter)
    try {
      const ctx = this.contexts.create(request.id, request.config, aborter.signal)
      const result = await (request.homeFiles
        ? method.call(plugin.instance, request.kwargs, ctx, request.homeFiles)
        : method.call(plugin.instance, request.kwargs, ctx))
      if (!isCommandResult(result)) return outcomes.invalidResult()
      const oversized = oversizedResult(result)
      return oversized ? outcomes.resultTooLarge(oversized.size, oversized.limit) : result
    } catch (error) {
      return outcomes.executionFailed(errorMessage(error))
    } finally {
      this.aborters.delete(request.id)
    }
  }

  private reply(request: HostRequest, value: unknown): void {
    this.contexts.flush(request.id)
    try {
      this.post({ type: 'reply', id: request.id, ok: true, value })
    } catch (error) {
      // postMessage refuses what the structured clone cannot copy (functions, symbols, proxies).
      this.post(uncopyableReply(request, errorMessage(error)))
    }
  }
}

/** The reply in place of a value that cannot be sent: each request kind fails in its own terms. */
function uncopyableReply(request: HostRequest, detail: string): WorkerMessage {
  const { id } = request
  switch (request.type) {
    case 'load':
    case 'load-python':
    case 'describe':
      return { type: 'reply', id, ok: false, message: `get_info() returned a value that cannot be sent to the app: ${detail}` }
    case 'health':
      return { type: 'reply', id, ok: true, value: { healthy: false, error: `health_check() returned a value that cannot be sent to the app: ${detail}` } }
    case 'call':
      return { type: 'reply', id, ok: true, value: outcomes.invalidResult() }
  }
}
