import type { WheelRef } from '../core/manifest/types'
import type { PluginInfo } from '../core/pluginContract'

/**
 * The typed messages between the app and a plugin's sandbox worker. Every request carries an `id`;
 * the worker answers each with exactly one `reply`, and sends `log`, `progress`, `stage` and `fs`
 * messages tagged with the id of the request they belong to. Plugin code shares the worker with the
 * runtime and can post anything, so the app checks every message and every reply value it receives.
 */
export type HostRequest =
  | { type: 'load'; id: number; moduleUrl: string; exportName: string; integrity?: string }
  /** `runtimeUrl`: the folder the Python runtime is served from; `entryPoint` as in `entry_points.txt`. */
  | { type: 'load-python'; id: number; runtimeUrl: string; name: string; entryPoint: string; wheels: WheelRef[] }
  /** As `load`, but the plugin is not kept: discovery wants only what `get_info()` says. */
  | { type: 'describe'; id: number; moduleUrl: string; exportName: string; integrity?: string }
  /** `plugin`: which of the worker's plugins, in a worker that hosts several (a Python environment); see `hostedName`. */
  | { type: 'health'; id: number; plugin?: string }
  /** `homeFiles`: the stored texts of `~/.strataregula/` by file name, for Python plugins only. */
  | { type: 'call'; id: number; command: string; kwargs: Record<string, unknown>; config: Record<string, unknown>; homeFiles?: HomeFiles; plugin?: string }

export type LoadRequest = Extract<HostRequest, { type: 'load' | 'load-python' }>

/** The files of `~/.strataregula/` (`config.yaml`, `<plugin>.yaml`) by name, each the text stored for it. */
export type HomeFiles = Record<string, string>

export type RequestKind = HostRequest['type']

export type HostMessage =
  | HostRequest
  | { type: 'abort'; id: number; reason: AbortReason }
  | { type: 'fs-reply'; fsId: number; ok: true; value: unknown }
  | { type: 'fs-reply'; fsId: number; ok: false; message: string; code?: string }

export type AbortReason = 'cancelled' | 'timeout'

export interface LoadedPlugin {
  info: PluginInfo
  commands: string[]
  /** What was ignored in the plugin's description of itself (malformed command help). */
  notes?: string[]
}

export type { HealthReport } from '../core/pluginContract'

export type WorkerMessage =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; message: string }
  | { type: 'stage'; id: number; stage: LoadStage }
  /** Log lines gathered since the last one (newline-separated), and how many the sandbox dropped. */
  | { type: 'log'; id: number; message: string; dropped?: number }
  | { type: 'progress'; id: number; done: number; total: number; label?: string }
  // `op` is any text here: the app checks it against the file operations it serves.
  | { type: 'fs'; id: number; fsId: number; op: string; args: unknown[] }

/** Where a load is, so that a time limit can say what hung and the page can show it; the first three are Python's. */
export const LOAD_STAGES = ['runtime', 'python', 'wheels', 'import', 'create', 'get_info'] as const
export type LoadStage = (typeof LOAD_STAGES)[number]

/**
 * The name a load request's plugin goes by in a worker that hosts several (a Python environment hosts every
 * Python plugin of its manifest); undefined for a worker of one plugin. Health checks and calls carry it.
 */
export function hostedName(request: { type: string; name?: string }): string | undefined {
  return request.type === 'load-python' ? request.name : undefined
}
