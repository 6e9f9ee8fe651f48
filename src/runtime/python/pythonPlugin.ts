import type { PyProxy } from 'pyodide/ffi'
import { memoryBudgetNote, memoryBudgetReason, PYTHON_MEMORY_BUDGET } from '../../core/memoryBudget'
import type { PluginContext } from '../../core/pluginContract'
import type { HomeFiles, LoadRequest, LoadStage } from '../protocol'
import { LoadFailure } from '../sandbox/loadFailure'
import { type DownloadWheel, downloadWheels, installWheels } from './installWheels'
import { HOME_DIR, startPython, WORKSPACE_DIR, type Python } from './startPython'
import { copyWorkspaceIn, copyWorkspaceOut, removeTree } from './workspaceMirror'

type PythonLoadRequest = Extract<LoadRequest, { type: 'load-python' }>
type Answer = { ok: true; value: unknown } | { ok: false; error: string }

const CONFIG_DIR = `${HOME_DIR}/.strataregula`
const HOME_FILE_NAME = /^[A-Za-z0-9_.-]+\.yaml$/

/**
 * Starts CPython and installs the manifest's wheels into it: the environment every Python plugin of the
 * manifest is loaded in.
 */
export async function startEnvironment(request: PythonLoadRequest, onStage: (stage: LoadStage) => void, download?: DownloadWheel): Promise<Python> {
  onStage('runtime')
  // The wheels download while Python starts; all are checked before the first is unpacked.
  const downloads = downloadWheels(request.wheels, download)
  downloads.catch(() => undefined)
  const python = await startPython(request.runtimeUrl, onStage)
  onStage('wheels')
  installWheels(python.pyodide, await downloads)
  return python
}

/**
 * A Python plugin as the plugin host sees a JavaScript one: an object with `get_info`, maybe
 * `health_check`, and one function per public method. Each command runs with the workspace as Python's
 * working directory and `~/.strataregula/` holding the stored texts; its output streams to `ctx.log`.
 */
export function createPythonPlugin(python: Python, request: PythonLoadRequest, onStage: (stage: LoadStage) => void): Record<string, unknown> {
  const bridge = python.newBridge()
  onStage('import')
  answerOf(bridge.load(request.name, request.entryPoint), (error) => new LoadFailure(`importing ${request.entryPoint} failed: ${error}`))
  onStage('create')
  const methods = answerOf(bridge.create(), (error) => new LoadFailure(`creating the plugin failed: ${error}`)) as string[]
  const plugin: Record<string, unknown> = {}
  for (const method of methods) {
    plugin[method] = (kwargs: Record<string, unknown>, ctx: PluginContext, homeFiles: HomeFiles = {}) =>
      runCommand(python, bridge, method, kwargs, ctx, homeFiles)
  }
  const callQuietly = async (method: string) => answerOf(await bridge.call(method, '{}'), (error) => new Error(error))
  plugin.get_info = () => callQuietly('get_info')
  if (methods.includes('health_check')) plugin.health_check = () => callQuietly('health_check')
  return plugin
}

async function runCommand(
  python: Python,
  bridge: PyProxy,
  method: string,
  kwargs: Record<string, unknown>,
  ctx: PluginContext,
  homeFiles: HomeFiles,
): Promise<unknown> {
  const { FS } = python.pyodide
  writeHomeFiles(python, homeFiles)
  const snapshot = await copyWorkspaceIn(ctx.fs, FS, WORKSPACE_DIR)
  FS.chdir(WORKSPACE_DIR)
  python.output = (line) => ctx.log(line)
  const refusalsBefore = python.memory.refusals
  let answer: string
  try {
    answer = await bridge.call(method, JSON.stringify(kwargs))
  } finally {
    python.output = undefined
  }
  const budgetReached = python.memory.refusals > refusalsBefore
  if (budgetReached) ctx.log(memoryBudgetNote(PYTHON_MEMORY_BUDGET))
  await copyWorkspaceOut(ctx.fs, FS, WORKSPACE_DIR, snapshot)
  return answerOf(answer, (error) => new Error(budgetReached ? `${error} (${memoryBudgetReason(PYTHON_MEMORY_BUDGET)})` : error))
}

function writeHomeFiles({ pyodide: { FS } }: Python, homeFiles: HomeFiles): void {
  removeTree(FS, CONFIG_DIR)
  FS.mkdirTree(CONFIG_DIR)
  for (const [name, text] of Object.entries(homeFiles)) {
    if (HOME_FILE_NAME.test(name) && typeof text === 'string') FS.writeFile(`${CONFIG_DIR}/${name}`, text)
  }
}

/** The value of the bridge's JSON answer; its error (`<Type>: <message>`) thrown as `failure` makes it. */
function answerOf(json: string, failure: (error: string) => Error): unknown {
  const answer = JSON.parse(json) as Answer
  if (!answer.ok) throw failure(answer.error)
  return answer.value
}
