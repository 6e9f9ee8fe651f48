import type { PluginContext } from '../../src/core/pluginContract'
import { MemoryWorkspace } from '../../src/core/workspace/memoryWorkspace'

export interface TestContext extends PluginContext {
  fs: MemoryWorkspace
  logs: string[]
  progressCalls: Array<[number, number, string | undefined]>
  abort(reason?: unknown): void
}

/** A headless `ctx` for plugin unit tests: in-memory files, captured log and progress. */
export function createTestContext(options: { files?: Record<string, string | Uint8Array>; config?: Record<string, unknown> } = {}): TestContext {
  const controller = new AbortController()
  const logs: string[] = []
  const progressCalls: Array<[number, number, string | undefined]> = []
  return {
    fs: new MemoryWorkspace(options.files),
    config: options.config ?? {},
    log: (message) => logs.push(...String(message).split('\n')),
    progress: (done, total, label) => progressCalls.push([done, total, label]),
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    logs,
    progressCalls,
  }
}
