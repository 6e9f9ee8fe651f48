import { decodeText, encodeText, requireBytes } from './content'
import { checkWrite } from './limits'
import { filesBelow, folderPrefix, normalizeFilePath, normalizePath, notFound } from './paths'
import type { WorkspaceFs } from './types'

/** An in-memory workspace: the `ctx.fs` of headless runs (unit tests, benchmarks). */
export class MemoryWorkspace implements WorkspaceFs {
  private readonly files = new Map<string, Uint8Array>()
  private totalSize = 0

  constructor(initial: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(initial)) {
      this.store(path, typeof content === 'string' ? encodeText(content) : content)
    }
  }

  async readBytes(path: string): Promise<Uint8Array> {
    const bytes = this.files.get(normalizeFilePath(path))
    if (!bytes) throw notFound(path)
    return bytes.slice()
  }

  async readText(path: string): Promise<string> {
    return decodeText(await this.readBytes(path))
  }

  async writeBytes(path: string, bytes: Uint8Array): Promise<void> {
    this.store(path, requireBytes(bytes))
  }

  async writeText(path: string, text: string): Promise<void> {
    this.store(path, encodeText(text))
  }

  /** True for a file, and for a folder (the root included) with any file below it. */
  async exists(path: string): Promise<boolean> {
    const key = normalizePath(path)
    if (key === '' || this.files.has(key)) return true
    const prefix = folderPrefix(key)
    for (const file of this.files.keys()) if (file.startsWith(prefix)) return true
    return false
  }

  async list(dir = ''): Promise<string[]> {
    return filesBelow(this.files.keys(), dir)
  }

  async remove(path: string): Promise<void> {
    const key = normalizeFilePath(path)
    const bytes = this.files.get(key)
    if (!bytes) throw notFound(path)
    this.files.delete(key)
    this.totalSize -= bytes.byteLength
  }

  private store(path: string, bytes: Uint8Array): void {
    const key = normalizeFilePath(path)
    const usage = { files: this.files.size, bytes: this.totalSize }
    this.totalSize = checkWrite(path, bytes.byteLength, usage, this.files.get(key)?.byteLength).bytes
    this.files.set(key, bytes.slice())
  }
}
