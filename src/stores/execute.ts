import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import type { CommandResult } from '../core/pluginContract'
import { errorMessage } from '../core/errorMessage'
import { outcomes } from '../core/hostOutcomes'
import { LogTail } from '../core/logTail'
import { defaultRegistryUrl } from '../core/registryUrls'
import { parseRunArguments } from '../core/runArguments'
import { runTimeLimitMs } from '../core/runTimeLimit'
import { buildShareUrl, decodeSharedRun, encodeSharedRun } from '../core/shareLink'
import { TIME_LIMITS } from '../runtime/timeLimits'
import { useConfigStore } from './config'
import { useRegistryStore } from './registry'
import { useWorkspaceStore } from './workspace'

export interface RunDraft {
  plugin: string
  command: string
  argumentsText: string
  timeLimitSeconds: number
}

export interface RunRecord {
  id: number
  plugin: string
  command: string
  argumentsText: string
  timeLimitMs: number
  startedAt: number
  durationMs?: number
  result?: CommandResult
  log: string[]
  /** Log lines dropped from the front to keep the page light on very chatty runs. */
  droppedLogLines: number
  progress?: { done: number; total: number; label?: string }
}

const MAX_LOG_LINES = 5_000
const LOG_FLUSH_MS = 50

/** The Execute panel's draft run and this session's runs, each a call into a plugin's sandbox. */
export const useExecuteStore = defineStore('execute', () => {
  const draft = reactive<RunDraft>({ plugin: '', command: '', argumentsText: '', timeLimitSeconds: TIME_LIMITS.call / 1000 })
  const runs = ref<RunRecord[]>([])
  const currentRunId = ref<number | undefined>()
  const argumentsError = ref<string | undefined>()
  const linkNotice = ref<string | undefined>()
  const controllers = new Map<number, AbortController>()
  let nextId = 1

  const currentRun = computed(() => runs.value.find((run) => run.id === currentRunId.value))
  const running = computed(() => runs.value.some((record) => record.result === undefined))

  async function run(): Promise<void> {
    if (running.value) return
    const parsed = parseRunArguments(draft.argumentsText)
    if (!parsed.ok) {
      argumentsError.value = parsed.error
      return
    }
    argumentsError.value = undefined
    const sandbox = useRegistryStore().sandboxFor(draft.plugin)
    if (!sandbox) return
    const controller = new AbortController()
    const record = startRecord(draft, controller)
    // Lines arrive faster than the page should redraw: gather them and show them every LOG_FLUSH_MS.
    let pending = new LogTail(MAX_LOG_LINES)
    let flushTimer: ReturnType<typeof setTimeout> | undefined
    const flushLog = () => {
      flushTimer = undefined
      appendLog(record, pending)
      pending = new LogTail(MAX_LOG_LINES)
    }
    let result: CommandResult
    try {
      result = await sandbox.call(draft.command, parsed.kwargs, {
        config: useConfigStore().pluginConfig(record.plugin),
        homeFiles: useConfigStore().storedTexts(record.plugin),
        fs: useWorkspaceStore().fs,
        timeoutMs: record.timeLimitMs,
        signal: controller.signal,
        onLog: (message) => {
          pending.append(message)
          flushTimer ??= setTimeout(flushLog, LOG_FLUSH_MS)
        },
        onProgress: (done, total, label) => (record.progress = { done, total, label }),
      })
    } catch (error) {
      result = outcomes.executionFailed(errorMessage(error))
    } finally {
      clearTimeout(flushTimer)
      flushLog()
      controllers.delete(record.id)
    }
    record.durationMs = Math.round(performance.now() - record.startedAt)
    record.result = result
  }

  function startRecord(from: RunDraft, controller: AbortController): RunRecord {
    const id = nextId++
    runs.value.unshift({
      id,
      plugin: from.plugin,
      command: from.command,
      argumentsText: from.argumentsText,
      timeLimitMs: runTimeLimitMs(from.timeLimitSeconds, TIME_LIMITS.call),
      startedAt: performance.now(),
      log: [],
      droppedLogLines: 0,
    })
    controllers.set(id, controller)
    currentRunId.value = id
    return runs.value[0]
  }

  function appendLog(record: RunRecord, tail: LogTail): void {
    if (tail.lines.length === 0) return
    const kept = record.log.concat(tail.lines)
    const excess = Math.max(0, kept.length - MAX_LOG_LINES)
    record.log = excess ? kept.slice(excess) : kept
    record.droppedLogLines += tail.dropped + excess
  }

  function cancel(): void {
    for (const controller of controllers.values()) controller.abort()
  }

  /** Puts `plugin` and `command` into the form, e.g. from a command name on the Plugins panel. */
  function choose(plugin: string, command: string): void {
    Object.assign(draft, { plugin, command })
  }

  /** Shows a past run and puts its plugin, command and arguments back into the form. */
  function reopen(id: number): void {
    const record = runs.value.find((candidate) => candidate.id === id)
    if (!record) return
    currentRunId.value = id
    Object.assign(draft, { plugin: record.plugin, command: record.command, argumentsText: record.argumentsText, timeLimitSeconds: record.timeLimitMs / 1000 })
  }

  /**
   * A link that reopens this page's registries and, with `withRun`, the draft run filled in (never run).
   */
  async function shareLink(pageUrl: string, withRun: boolean): Promise<{ ok: true; url: string } | { ok: false; error: string }> {
    let hash = ''
    if (withRun) {
      const encoded = await encodeSharedRun({ plugin: draft.plugin, command: draft.command, arguments: draft.argumentsText })
      if (!encoded.ok) return encoded
      hash = encoded.hash
    }
    return { ok: true, url: buildShareUrl(pageUrl, useRegistryStore().openedUrls, defaultRegistryUrl(pageUrl), hash) }
  }

  /** Fills the draft from a share link's hash; true when the hash held a run, even a damaged one. */
  async function openSharedRun(hash: string): Promise<boolean> {
    const decoded = await decodeSharedRun(hash)
    if (!decoded) return false
    if (!decoded.ok) {
      linkNotice.value = decoded.error
      return true
    }
    Object.assign(draft, { plugin: decoded.run.plugin, command: decoded.run.command, argumentsText: decoded.run.arguments })
    linkNotice.value = 'Opened from a shared link: check the arguments, then press Run.'
    return true
  }

  return { draft, runs, currentRun, currentRunId, running, argumentsError, linkNotice, run, cancel, choose, reopen, shareLink, openSharedRun }
})
