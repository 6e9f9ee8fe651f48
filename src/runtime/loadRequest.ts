import { errorMessage } from '../core/errorMessage'
import type { ModulePluginEntry } from '../core/manifest/types'
import type { WorkerChannel } from './channel'
import { PluginLoadError } from './pluginLoadError'
import type { HostRequest, LoadedPlugin, LoadStage } from './protocol'
import { parseLoadedPlugin } from './replyValues'
import { TIME_LIMITS } from './timeLimits'

const STAGE_WORDS: Record<LoadStage, string> = {
  runtime: 'while downloading the Python runtime',
  python: 'while starting Python',
  wheels: 'while installing the wheels',
  import: 'while importing the module',
  create: 'while creating the plugin',
  get_info: 'in get_info()',
}

/** A request that creates a plugin in a sandbox worker, without its id (the channel gives it one). */
export type LoadRequestBody = HostRequest extends infer Request
  ? Request extends Extract<HostRequest, { type: 'load' | 'load-python' | 'describe' }>
    ? Omit<Request, 'id'>
    : never
  : never

/** The request that loads (`load`) or only describes (`describe`) the ES-module plugin of `entry`. */
export function moduleLoadRequest(type: 'load' | 'describe', { moduleUrl, exportName, integrity }: ModulePluginEntry): LoadRequestBody {
  return { type, moduleUrl, exportName, ...(integrity ? { integrity } : {}) }
}

/**
 * Asks a sandbox worker to create a plugin (import its module, or start Python and install its wheels)
 * and call `get_info()`: `load` requests keep the plugin for later requests, `describe` only answers.
 * The time limit counts from the moment the worker starts on this plugin (its first stage), so time spent
 * starting the sandbox, or on other plugins queued before it, is never charged to it; until then the
 * sandbox has TIME_LIMITS.sandboxStart to get there. Each stage goes to `onStage` as it begins.
 * Fails with a PluginLoadError; the caller decides what happens to the worker.
 */
export function requestLoad(channel: WorkerChannel, request: LoadRequestBody, timeoutMs: number, onStage?: (stage: LoadStage) => void): Promise<LoadedPlugin> {
  return new Promise<LoadedPlugin>((resolve, reject) => {
    let stage: LoadStage | undefined
    const fail = (reason: string) => {
      clearTimeout(timer)
      reject(new PluginLoadError(reason))
    }
    const startLimit = TIME_LIMITS.sandboxStart
    let timer = setTimeout(() => fail(`the sandbox did not start loading the plugin within ${startLimit} ms`), startLimit)
    const onNextStage = (next: LoadStage) => {
      if (stage === undefined) {
        clearTimeout(timer)
        timer = setTimeout(() => fail(`timed out after ${timeoutMs} ms ${STAGE_WORDS[stage ?? next]}`), timeoutMs)
      }
      stage = next
      onStage?.(next)
    }
    const { reply } = channel.request(request, { onStage: onNextStage })
    reply.then(
      (value) => {
        const loaded = parseLoadedPlugin(value)
        if (loaded) {
          clearTimeout(timer)
          resolve(loaded)
        } else fail('the sandbox answered with an invalid plugin description')
      },
      (error: unknown) => fail(error instanceof PluginLoadError ? error.reason : errorMessage(error)),
    )
  })
}
