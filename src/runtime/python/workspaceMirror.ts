import type { WorkspaceFs } from '../../core/workspace/types'

/** The part of Emscripten's file system the mirror uses. */
export interface MirrorFs {
  mkdirTree(path: string): void
  writeFile(path: string, data: Uint8Array | string): void
  readFile(path: string): Uint8Array
  readdir(path: string): string[]
  stat(path: string): { mode: number }
  isDir(mode: number): boolean
  unlink(path: string): void
  rmdir(path: string): void
  analyzePath(path: string): { exists: boolean }
}

/** The workspace's files as they were copied in, by relative path. */
export type WorkspaceSnapshot = Map<string, Uint8Array>

/** How many file requests are open at once while copying. */
const PARALLEL_FILES = 64

/** Makes `dir` hold exactly the workspace's files; returns what it copied, to compare with afterwards. */
export async function copyWorkspaceIn(workspace: WorkspaceFs, fs: MirrorFs, dir: string): Promise<WorkspaceSnapshot> {
  removeTree(fs, dir)
  fs.mkdirTree(dir)
  const snapshot: WorkspaceSnapshot = new Map()
  await inBatches(await workspace.list(), async (path) => {
    const bytes = await workspace.readBytes(path)
    fs.mkdirTree(parentOf(`${dir}/${path}`))
    fs.writeFile(`${dir}/${path}`, bytes)
    snapshot.set(path, bytes)
  })
  return snapshot
}

/** Writes to the workspace what was added or changed in `dir` since `snapshot`, and removes what was deleted there. */
export async function copyWorkspaceOut(workspace: WorkspaceFs, fs: MirrorFs, dir: string, snapshot: WorkspaceSnapshot): Promise<void> {
  const now = new Map(filesBelow(fs, dir).map((path) => [path, fs.readFile(`${dir}/${path}`)]))
  const changed = [...now].filter(([path, bytes]) => !sameBytes(snapshot.get(path), bytes))
  await inBatches(changed, ([path, bytes]) => workspace.writeBytes(path, bytes))
  await inBatches(
    [...snapshot.keys()].filter((path) => !now.has(path)),
    (path) => workspace.remove(path),
  )
}

/** Relative paths of the files below `dir`, sorted; empty when there is no such folder. */
export function filesBelow(fs: MirrorFs, dir: string, prefix = ''): string[] {
  if (!fs.analyzePath(dir).exists) return []
  const paths: string[] = []
  for (const name of fs.readdir(dir)) {
    if (name === '.' || name === '..') continue
    const path = `${dir}/${name}`
    if (fs.isDir(fs.stat(path).mode)) paths.push(...filesBelow(fs, path, `${prefix}${name}/`))
    else paths.push(`${prefix}${name}`)
  }
  return paths.sort()
}

export function removeTree(fs: MirrorFs, dir: string): void {
  if (!fs.analyzePath(dir).exists) return
  for (const name of fs.readdir(dir)) {
    if (name === '.' || name === '..') continue
    const path = `${dir}/${name}`
    if (fs.isDir(fs.stat(path).mode)) {
      removeTree(fs, path)
      fs.rmdir(path)
    } else fs.unlink(path)
  }
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'))
}

function sameBytes(before: Uint8Array | undefined, after: Uint8Array): boolean {
  return before !== undefined && before.length === after.length && before.every((byte, index) => byte === after[index])
}

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += PARALLEL_FILES) await Promise.all(items.slice(start, start + PARALLEL_FILES).map(work))
}
