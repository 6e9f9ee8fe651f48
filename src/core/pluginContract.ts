import type { WorkspaceFs } from './workspace/types'

/** What a command receives as its second argument (spec §2, "The context object"). */
export interface PluginContext {
  fs: WorkspaceFs
  config: Record<string, unknown>
  log(message: string): void
  progress(done: number, total: number, label?: string): void
  signal: AbortSignal
}

/** A result as plugins return it: a plain object with a `status`. */
export interface CommandResult {
  status: string
  message?: string
  [key: string]: unknown
}

export interface PluginInfo {
  name: string
  version: string
  description?: string
  author?: string
  supported_commands?: string[]
  [key: string]: unknown
}
