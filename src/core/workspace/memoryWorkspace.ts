import { filesBelow, normalizeFilePath, notFound } from './paths'
import type { WorkspaceFs } from './types'

const encoder = new TextEncoder()
// ignoreBOM keeps a leading U+FEFF, as Python's encoding='utf-8' does.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true })

/** An in-memory workspace: the `ctx.fs` of headless runs (unit tests, benchmarks). */
export class MemoryWorkspace implements WorkspaceFs {
  private readonly files = new Map<string, Uint8Array>()

  constructor(initial: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(initial)) {
      this.files.set(normalizeFilePath(path), typeof content === 'string' ? encoder.encode(content) : content)
    }
  }

  async readBytes(path: string): Promise<Uint8Array> {
    const bytes = this.files.get(normalizeFilePath(path))
    if (!bytes) throw notFound(path)
    return bytes.slice()
  }

  async readText(path: string): Promise<string> {
    return decoder.decode(await this.readBytes(path))
  }

  async writeBytes(path: string, bytes: Uint8Array): Promise<void> {
    this.files.set(normalizeFilePath(path), bytes.slice())
  }

  async writeText(path: string, text: string): Promise<void> {
    this.files.set(normalizeFilePath(path), encoder.encode(text))
  }

  async exists(path: string): Promise<boolean> {
    return this.files.has(normalizeFilePath(path))
  }

  async list(dir = ''): Promise<string[]> {
    return filesBelow(this.files.keys(), dir)
  }

  async remove(path: string): Promise<void> {
    if (!this.files.delete(normalizeFilePath(path))) throw notFound(path)
  }
}
