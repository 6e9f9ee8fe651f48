import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { errorMessage } from '../core/errorMessage'
import { formatCount, formatLimit } from '../core/format'
import { MAX_FILES, MAX_WORKSPACE_SIZE } from '../core/workspace/limits'
import { loadFailureMessage } from '../core/hostOutcomes'
import { parseRunArguments } from '../core/runArguments'
import { PluginLoadError } from '../runtime/pluginSandbox'
import { TIME_LIMITS } from '../runtime/timeLimits'
import { DirectoryWorkspace } from './directoryWorkspace'
import type { HeadlessRegistry } from './headlessRegistry'
import { HomeConfig } from './homeConfig'
import { UsageError, type Invocation } from './usage'

/** Where the runner writes: results on `out`, problems and plugin logs on `err`. */
export interface Output {
  out(line: string): void
  err(line: string): void
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

function loadReason(error: unknown): string {
  return error instanceof PluginLoadError ? error.reason : errorMessage(error)
}

/** `Available Plugins:` and a line per plugin; exits 1 when a manifest or a plugin could not be loaded. */
export async function listPlugins(registry: HeadlessRegistry, output: Output): Promise<number> {
  const lines = await registry.forEachPlugin(async (entry, sandbox) => {
    // As in the page, a Python plugin is listed from its wheel's metadata: listing never starts Python.
    if (entry.kind === 'python') return { ok: true, text: `  ${entry.name}: ${entry.description ?? ''}` }
    try {
      const { info } = await sandbox.load()
      return { ok: true, text: `  ${entry.name}: ${info.description ?? entry.description ?? ''}` }
    } catch (error) {
      return { ok: false, text: loadFailureMessage(entry.name, loadReason(error)) }
    }
  })
  for (const problem of registry.problems) output.err(problem)
  output.out('Available Plugins:')
  for (const line of lines) (line.ok ? output.out : output.err)(line.text)
  return registry.problems.length === 0 && lines.every((line) => line.ok) ? EXIT.ok : EXIT.failed
}

/** A line per plugin, healthy with its name and version or unhealthy with the error; exits 1 when any is unhealthy. */
export async function checkHealth(registry: HeadlessRegistry, output: Output): Promise<number> {
  const reports = await registry.forEachPlugin(async (entry, sandbox) => {
    try {
      await sandbox.load()
    } catch (error) {
      return { healthy: false, text: `  ${entry.name}: unhealthy: ${loadFailureMessage(entry.name, loadReason(error))}` }
    }
    const report = await sandbox.health()
    if (!report.healthy) return { healthy: false, text: `  ${entry.name}: unhealthy: ${report.error}` }
    return { healthy: true, text: `  ${entry.name}: healthy (${report.name} ${report.version})` }
  })
  for (const problem of registry.problems) output.err(problem)
  output.out('Plugin Health:')
  for (const report of reports) output.out(report.text)
  return registry.problems.length === 0 && reports.every((report) => report.healthy) ? EXIT.ok : EXIT.failed
}

/** Runs one command: `Command executed successfully` or `Command failed: <message>`, then the result as JSON. */
export async function executeCommand(
  registry: HeadlessRegistry,
  invocation: Extract<Invocation, { command: 'execute' }>,
  output: Output,
  cwd: string,
): Promise<number> {
  const kwargs = invocation.configFile === undefined ? {} : await readArguments(resolve(cwd, invocation.configFile))
  const entry = registry.entry(invocation.plugin)
  if (!entry) {
    output.out(`Plugin '${invocation.plugin}' not found`)
    return EXIT.failed
  }
  const workspace = new DirectoryWorkspace(resolve(cwd, invocation.workspace ?? '.'))
  if (entry.kind === 'python') await checkPythonWorkspace(workspace, invocation.workspace ?? '.')
  const sandbox = registry.sandbox(entry)
  try {
    await sandbox.load()
  } catch (error) {
    output.out(loadFailureMessage(entry.name, loadReason(error)))
    return EXIT.failed
  }
  const config = new HomeConfig()
  const pluginConfig = config.pluginConfig(entry.name)
  for (const problem of config.problems) output.err(problem)
  const result = await sandbox.call(invocation.pluginCommand, kwargs, {
    config: pluginConfig,
    homeFiles: config.texts(entry.name),
    fs: workspace,
    timeoutMs: Math.round((invocation.timeoutSeconds ?? TIME_LIMITS.call / 1000) * 1000),
    onLog: (message) => output.err(message),
  })
  const succeeded = result.status === 'success'
  output.out(succeeded ? 'Command executed successfully' : `Command failed: ${result.message ?? ''}`)
  output.out(JSON.stringify(result, null, 2))
  return succeeded ? EXIT.ok : EXIT.failed
}

/** A Python plugin works on a copy of the whole folder: one larger than the page's workspace may be is refused. */
async function checkPythonWorkspace(workspace: DirectoryWorkspace, folder: string): Promise<void> {
  const { files, bytes } = await workspace.usage()
  if (files > MAX_FILES || bytes > MAX_WORKSPACE_SIZE) {
    throw new UsageError(
      `--workspace ${folder} is too large for a Python plugin, which works on a copy of it: a workspace holds at most ${formatCount(MAX_FILES)} files and ${formatLimit(MAX_WORKSPACE_SIZE)}`,
    )
  }
}

async function readArguments(path: string): Promise<Record<string, unknown>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new UsageError(`--config ${path} could not be read: ${errorMessage(error)}`)
  }
  const parsed = parseRunArguments(text)
  if (!parsed.ok) throw new UsageError(`--config ${path}: ${parsed.error}`)
  return parsed.kwargs
}
