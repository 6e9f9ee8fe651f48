import { errorMessage } from '../core/errorMessage'
import type { ModulePluginEntry } from '../core/manifest/types'
import type { WorkerChannel } from './channel'
import { PluginLoadError } from './pluginLoadError'
import type { LoadedPlugin, LoadStage } from './protocol'
import { parseLoadedPlugin } from './replyValues'
import { TIME_LIMITS } from './timeLimits'

const STAGE_WORDS: Record<LoadStage, string> = {
  import: 'while importing the module',
  create: 'while creating the plugin',
  get_info: 'in get_info()',
}

/**
 * Asks a sandbox worker to import the plugin of `entry`, create it and call `get_info()`: `load` keeps the
 * plugin for later requests, `describe` only answers. The time limit counts from the moment the worker
 * starts on this plugin (its first stage), so time spent starting the sandbox, or on other plugins queued
 * before it, is never charged to it; until then the sandbox has TIME_LIMITS.sandboxStart to get there.
 * Fails with a PluginLoadError; the caller decides what happens to the worker.
 */
export function requestLoad(channel: WorkerChannel, type: 'load' | 'describe', entry: ModulePluginEntry, timeoutMs: number): Promise<LoadedPlugin> {
  const { moduleUrl, exportName, integrity } = entry
  return new Promise<LoadedPlugin>((resolve, reject) => {
    let stage: LoadStage | undefined
    const fail = (reason: string) => {
      clearTimeout(timer)
      reject(new PluginLoadError(reason))
    }
    const startLimit = TIME_LIMITS.sandboxStart
    let timer = setTimeout(() => fail(`the sandbox did not start loading the plugin within ${startLimit} ms`), startLimit)
    const onStage = (next: LoadStage) => {
      if (stage === undefined) {
        clearTimeout(timer)
        timer = setTimeout(() => fail(`timed out after ${timeoutMs} ms ${STAGE_WORDS[stage ?? 'import']}`), timeoutMs)
      }
      stage = next
    }
    const { reply } = channel.request({ type, moduleUrl, exportName, ...(integrity ? { integrity } : {}) }, { onStage })
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
