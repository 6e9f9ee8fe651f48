import { mkdirSync, writeFileSync } from 'node:fs'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { decodeText, encodeText, requireBytes } from '../core/workspace/content'
import { checkFileSize, MAX_FILES, MAX_WORKSPACE_SIZE, type WorkspaceUsage } from '../core/workspace/limits'
import { comparePaths, normalizeFilePath, normalizePath, notFound } from '../core/workspace/paths'
import type { WorkspaceFs } from '../core/workspace/types'

/**
 * `ctx.fs` over a folder of the machine (the headless runner's `--workspace`): the same paths, refusals and
 * messages as the browser workspace, so a plugin behaves alike in both.
 */
export class DirectoryWorkspace implements WorkspaceFs {
  private readonly madeFolders = new Set<string>()

  constructor(private readonly root: string) {}

  async readBytes(path: string): Promise<Uint8Array> {
    const file = this.fileOf(path)
    try {
      return new Uint8Array(await readFile(file))
    } catch (error) {
      throw isMissing(error) ? notFound(path) : error
    }
  }

  async readText(path: string): Promise<string> {
    return decodeText(await this.readBytes(path))
  }

  async writeBytes(path: string, bytes: Uint8Array): Promise<void> {
    await this.store(path, requireBytes(bytes))
  }

  async writeText(path: string, text: string): Promise<void> {
    await this.store(path, encodeText(text))
  }

  async exists(path: string): Promise<boolean> {
    try {
      await stat(join(this.root, normalizePath(path)))
      return true
    } catch {
      return false
    }
  }

  async list(dir = ''): Promise<string[]> {
    const base = join(this.root, normalizePath(dir))
    const found: string[] = []
    try {
      for (const entry of await readdir(base, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) found.push(relative(base, join(entry.parentPath, entry.name)).split(sep).join('/'))
      }
    } catch (error) {
      if (!isMissing(error)) throw error
    }
    return found.sort(comparePaths)
  }

  /**
   * How many files the folder holds and their bytes, counting stops once past the limits of a workspace: a
   * Python plugin gets a copy of the whole folder, which the page's workspace limits keep in bounds.
   */
  async usage(): Promise<WorkspaceUsage> {
    const usage = { files: 0, bytes: 0 }
    for (const path of await this.list()) {
      if (usage.files > MAX_FILES || usage.bytes > MAX_WORKSPACE_SIZE) break
      usage.files += 1
      usage.bytes += (await stat(this.fileOf(path))).size
    }
    return usage
  }

  async remove(path: string): Promise<void> {
    const file = this.fileOf(path)
    const info = await stat(file).catch(() => undefined)
    if (!info?.isFile()) throw notFound(path)
    await rm(file)
  }

  private fileOf(path: string): string {
    return join(this.root, normalizeFilePath(path))
  }

  /**
   * Written synchronously: a plugin's writes are mostly small files (a DOE run writes one per case), which
   * cost many times the system time through libuv's thread pool, its threads contending for them.
   */
  private async store(path: string, bytes: Uint8Array): Promise<void> {
    const file = this.fileOf(path)
    checkFileSize(path, bytes.byteLength)
    const folder = dirname(file)
    if (!this.madeFolders.has(folder)) mkdirSync(folder, { recursive: true })
    this.madeFolders.add(folder)
    writeFileSync(file, bytes)
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR'
}
