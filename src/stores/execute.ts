import { defineStore } from 'pinia'
import { computed, reactive, ref, watch } from 'vue'
import { PageStateStorage } from '../api/configStorage'
import { captureRunOutputs } from '../api/runOutputs'
import { exampleArgumentsText } from '../core/commandExample'
import { unknownArgumentWarning } from '../core/commandHelp'
import { errorMessage } from '../core/errorMessage'
import { outcomes } from '../core/hostOutcomes'
import { LogTail, linesToDrop } from '../core/logTail'
import type { CommandHelp, CommandResult } from '../core/pluginContract'
import { parseRunArguments } from '../core/runArguments'
import { draftKey, formForStorage, formFromStorage, type RunDraft } from '../core/runForm'
import { historyForStorage, historyFromStorage, type RunRecord } from '../core/runHistory'
import { outputPathsOf, trackWrites } from '../core/runOutputs'
import { exitCodeNote } from '../core/runStatus'
import { runTimeLimitMs } from '../core/runTimeLimit'
import { RUN_FORM_KEY, RUN_HISTORY_KEY } from '../core/storageKeys'
import { TIME_LIMITS } from '../runtime/timeLimits'
import { useConfigStore } from './config'
import { useRegistryStore } from './registry'
import { useWorkspaceStore } from './workspace'

export type { RunRecord } from '../core/runHistory'

/** What a prepared run fills in: from a share link, or a past run reopened. */
export interface PreparedRun {
  plugin: string
  command: string
  argumentsText: string
  timeLimitSeconds?: number
}

const LOG_FLUSH_MS = 50
const DEFAULT_TIME_LIMIT_SECONDS = TIME_LIMITS.call / 1000

/**
 * The Execute panel: the form (a draft per plugin and command), the runs (each a call into a plugin's
 * sandbox, with what it wrote captured when it ended) and their history, both kept across reloads.
 */
export const useExecuteStore = defineStore('execute', () => {
  const storage = new PageStateStorage()
  const registry = useRegistryStore()
  const storedForm = formFromStorage(storage.read(RUN_FORM_KEY))
  const runs = ref<RunRecord[]>(historyFromStorage(storage.read(RUN_HISTORY_KEY)))
  /** The drafts of the plugins and commands not shown, by {@link draftKey}. */
  const drafts = reactive<Record<string, RunDraft>>(storedForm?.drafts ?? {})
  const draft = reactive({
    plugin: storedForm?.plugin ?? '',
    command: storedForm?.command ?? '',
    argumentsText: '',
    timeLimitSeconds: DEFAULT_TIME_LIMIT_SECONDS,
  })
  const currentRunId = ref<number | undefined>()
  const argumentsError = ref<string | undefined>()
  const storageError = ref<string | undefined>()
  const controllers = new Map<number, AbortController>()
  let nextId = Math.max(0, ...runs.value.map((run) => run.id)) + 1
  restoreDraft(draftKey(draft.plugin, draft.command))

  const currentRun = computed(() => runs.value.find((run) => run.id === currentRunId.value))
  const running = computed(() => runs.value.some((record) => record.result === undefined))
  const currentHelp = computed(() => helpOf(draft.plugin, draft.command))
  /** A warning before Run for arguments the chosen command does not declare. */
  const argumentsWarning = computed(() => {
    const parsed = parseRunArguments(draft.argumentsText)
    return parsed.ok ? unknownArgumentWarning(draft.command, currentHelp.value, parsed.kwargs) : undefined
  })

  function helpOf(plugin: string, command: string): CommandHelp | undefined {
    const help = registry.record(plugin)?.info?.commands
    return help && Object.hasOwn(help, command) ? help[command] : undefined
  }

  function restoreDraft(key: string): void {
    const saved = drafts[key] ?? { argumentsText: exampleArgumentsText(helpOf(draft.plugin, draft.command)), timeLimitSeconds: DEFAULT_TIME_LIMIT_SECONDS }
    Object.assign(draft, { argumentsText: saved.argumentsText, timeLimitSeconds: saved.timeLimitSeconds })
    currentRunId.value = runs.value.some((run) => run.id === saved.runId) ? saved.runId : undefined
  }

  /** Every draft, the shown one last (the stored drafts are the most recently touched ones, in insertion order). */
  function allDrafts(): Record<string, RunDraft> {
    const key = draftKey(draft.plugin, draft.command)
    const others = Object.entries(drafts).filter(([other]) => other !== key)
    const shown: RunDraft = { argumentsText: draft.argumentsText, timeLimitSeconds: draft.timeLimitSeconds, runId: currentRunId.value }
    return Object.fromEntries(draft.plugin ? [...others, [key, shown]] : others)
  }

  function stashDraft(): void {
    const all = allDrafts()
    for (const key of Object.keys(drafts)) delete drafts[key]
    Object.assign(drafts, all)
  }

  /** Shows `plugin` and `command` with their own draft and last run, e.g. from a command name on the Plugins panel. */
  function choose(plugin: string, command: string): void {
    if (plugin === draft.plugin && command === draft.command) return
    // What was typed while no plugin was chosen yet (the registry still loading) is kept for the first one chosen.
    const typedBeforeChoice = draft.plugin === '' && draft.argumentsText !== '' ? { ...draft, plugin, command } : undefined
    stashDraft()
    Object.assign(draft, { plugin, command })
    argumentsError.value = undefined
    restoreDraft(draftKey(plugin, command))
    if (typedBeforeChoice) Object.assign(draft, typedBeforeChoice)
  }

  /** Shows `plugin` with the command last used with it, when it still has that command, else its first. */
  function choosePlugin(plugin: string, commands: readonly string[]): void {
    const used = Object.keys(allDrafts())
      .reverse()
      .find((key) => commands.some((command) => key === draftKey(plugin, command)))
    choose(plugin, commands.find((command) => draftKey(plugin, command) === used) ?? commands[0] ?? '')
  }

  /** Fills the form with a prepared run (nothing runs). */
  function prepare(run: PreparedRun): void {
    choose(run.plugin, run.command)
    draft.argumentsText = run.argumentsText
    if (run.timeLimitSeconds !== undefined) draft.timeLimitSeconds = run.timeLimitSeconds
  }

  // A command's help arrives when its plugin loads: a form still empty starts from the example then.
  watch(currentHelp, (help) => {
    if (help && draft.argumentsText === '') draft.argumentsText = exampleArgumentsText(help)
  })

  async function run(): Promise<void> {
    if (running.value) return
    const parsed = parseRunArguments(draft.argumentsText)
    if (!parsed.ok) {
      argumentsError.value = parsed.error
      return
    }
    argumentsError.value = undefined
    const sandbox = registry.sandboxFor(draft.plugin)
    if (!sandbox) return
    const controller = new AbortController()
    const record = startRecord(controller)
    const started = performance.now()
    const workspace = useWorkspaceStore()
    const files = trackWrites(workspace.fs)
    // Lines arrive faster than the page should redraw: gather them and show them every LOG_FLUSH_MS.
    let pending = new LogTail()
    let flushTimer: ReturnType<typeof setTimeout> | undefined
    const flushLog = () => {
      flushTimer = undefined
      appendLog(record, pending)
      pending = new LogTail()
    }
    let result: CommandResult
    try {
      result = await sandbox.call(record.command, parsed.kwargs, {
        config: useConfigStore().pluginConfig(record.plugin),
        homeFiles: useConfigStore().storedTexts(record.plugin),
        fs: files.fs,
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
    const outputPaths = outputPathsOf(record.plugin, record.command, result, files.written())
    if (outputPaths) record.outputs = await captureRunOutputs(workspace.fs, outputPaths)
    record.exitNote = exitCodeNote(result, registry.record(record.plugin)?.info?.exit_codes)
    record.durationMs = Math.round(performance.now() - started)
    record.result = result
    saveHistory()
  }

  function startRecord(controller: AbortController): RunRecord {
    const id = nextId++
    runs.value.unshift({
      id,
      plugin: draft.plugin,
      command: draft.command,
      argumentsText: draft.argumentsText,
      timeLimitMs: runTimeLimitMs(draft.timeLimitSeconds, TIME_LIMITS.call),
      startedAt: Date.now(),
      cancelled: false,
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
    const excess = linesToDrop(kept)
    record.log = excess ? kept.slice(excess) : kept
    record.droppedLogLines += tail.dropped + excess
  }

  function cancel(): void {
    for (const [id, controller] of controllers) {
      const record = runs.value.find((candidate) => candidate.id === id)
      if (record) record.cancelled = true
      controller.abort()
    }
  }

  /** Shows a past run and puts its plugin, command, arguments and time limit back into the form. */
  function reopen(id: number): void {
    const record = runs.value.find((candidate) => candidate.id === id)
    if (!record) return
    prepare({ plugin: record.plugin, command: record.command, argumentsText: record.argumentsText, timeLimitSeconds: record.timeLimitMs / 1000 })
    currentRunId.value = id
  }

  function saveHistory(): void {
    const failure = storage.write(RUN_HISTORY_KEY, historyForStorage(runs.value))
    storageError.value = failure && `The run history could not be saved: ${failure}`
  }

  watch(
    [draft, drafts, currentRunId],
    () => storage.write(RUN_FORM_KEY, formForStorage({ plugin: draft.plugin, command: draft.command, drafts: allDrafts() })),
    { deep: true },
  )

  return {
    draft,
    runs,
    currentRun,
    currentRunId,
    currentHelp,
    running,
    argumentsError,
    argumentsWarning,
    storageError,
    run,
    cancel,
    choose,
    choosePlugin,
    prepare,
    reopen,
  }
})
