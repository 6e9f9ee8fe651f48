/**
 * The plugin host inside a sandbox worker (opaque origin). It imports one plugin, answers the app's
 * requests and runs commands with a `ctx` whose file access goes back to the app.
 */
import { callableCommands, resolveCommand } from '../../core/pluginCommands'
import { isCommandResult, outcomes } from '../../core/hostOutcomes'
import type { CommandResult } from '../../core/pluginContract'
import type { HealthReport, HostMessage, HostRequest, LoadedPlugin, WorkerMessage } from '../protocol'
import { readPluginInfo } from './describePlugin'
import { importPlugin } from './importPlugin'
import { instantiatePlugin } from './instantiate'
import { errorMessage } from './loadFailure'
import { RemoteContextFactory } from './remoteContext'

interface WorkerScope {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: MessageEvent<HostMessage>) => void): void
}

const scope = globalThis as unknown as WorkerScope
const post = (message: WorkerMessage) => scope.postMessage(message)
const contexts = new RemoteContextFactory(post)
const aborters = new Map<number, AbortController>()
let plugin: Record<string, unknown> | undefined
let commands: string[] = []

async function load(request: Extract<HostRequest, { type: 'load' }>): Promise<LoadedPlugin> {
  post({ type: 'stage', id: request.id, stage: 'import' })
  const namespace = await importPlugin(request.moduleUrl, request.integrity)
  post({ type: 'stage', id: request.id, stage: 'create' })
  const instance = (await instantiatePlugin(namespace, request.exportName, request.moduleUrl)) as Record<string, unknown>
  post({ type: 'stage', id: request.id, stage: 'get_info' })
  const info = await readPluginInfo(instance)
  plugin = instance
  commands = callableCommands(instance, info.supported_commands)
  return { info: structuredClone(info), commands }
}

async function health(): Promise<HealthReport> {
  if (!plugin) return { healthy: false, error: 'plugin is not loaded' }
  try {
    const info = await readPluginInfo(plugin)
    const report: HealthReport = { healthy: true, name: info.name, version: info.version }
    if (typeof plugin.health_check === 'function') {
      const extra: unknown = await (plugin.health_check as () => unknown).call(plugin)
      if (typeof extra === 'object' && extra !== null) Object.assign(report, extra)
    }
    return report
  } catch (error) {
    return { healthy: false, error: errorMessage(error) }
  }
}

async function call(request: Extract<HostRequest, { type: 'call' }>): Promise<CommandResult> {
  if (!plugin) return outcomes.executionFailed('plugin is not loaded')
  const method = resolveCommand(plugin, commands, request.command)
  if (!method) return outcomes.notSupported(request.command)
  const aborter = new AbortController()
  aborters.set(request.id, aborter)
  try {
    const ctx = contexts.create(request.id, request.config, aborter.signal)
    const result = await method.call(plugin, request.kwargs, ctx)
    return isCommandResult(result) ? result : outcomes.invalidResult()
  } catch (error) {
    return outcomes.executionFailed(errorMessage(error))
  } finally {
    aborters.delete(request.id)
  }
}

function reply(id: number, value: unknown): void {
  try {
    post({ type: 'reply', id, ok: true, value })
  } catch {
    // A result the structured clone cannot copy (functions, symbols) is not a valid result.
    post({ type: 'reply', id, ok: true, value: outcomes.invalidResult() })
  }
}

function handle(request: HostRequest): Promise<unknown> {
  switch (request.type) {
    case 'load':
      return load(request)
    case 'health':
      return health()
    case 'call':
      return call(request)
  }
}

scope.addEventListener('message', ({ data }) => {
  switch (data.type) {
    case 'abort':
      aborters.get(data.id)?.abort(new DOMException(data.reason === 'timeout' ? 'Time limit reached' : 'Cancelled', 'AbortError'))
      return
    case 'fs-reply':
      contexts.settle(data.fsId, data)
      return
    default:
      handle(data).then(
        (value) => reply(data.id, value),
        (error: unknown) => post({ type: 'reply', id: data.id, ok: false, message: errorMessage(error) }),
      )
  }
})
