/** The `ctx.fs` contract of spec §2: the only way a plugin reaches files. */
export interface WorkspaceFs {
  readText(path: string): Promise<string>
  writeText(path: string, text: string): Promise<void>
  readBytes(path: string): Promise<Uint8Array>
  writeBytes(path: string, bytes: Uint8Array): Promise<void>
  exists(path: string): Promise<boolean>
  /** Paths of all files below `dir`, relative to it, recursive, sorted. */
  list(dir?: string): Promise<string[]>
  remove(path: string): Promise<void>
}

export type WorkspaceFsOperation = keyof WorkspaceFs

// A record rather than a list, so the compiler checks that it names every operation and nothing else.
const OPERATIONS: Record<WorkspaceFsOperation, true> = {
  readText: true,
  writeText: true,
  readBytes: true,
  writeBytes: true,
  exists: true,
  list: true,
  remove: true,
}

/** Every operation of `ctx.fs`: the one list the sandbox protocol serves and the sandbox runtime offers. */
export const WORKSPACE_FS_OPERATIONS = Object.keys(OPERATIONS) as WorkspaceFsOperation[]

export function isWorkspaceFsOperation(name: string): name is WorkspaceFsOperation {
  return Object.hasOwn(OPERATIONS, name)
}

export interface WorkspaceEntry {
  path: string
  size: number
  modified: number
}

/** An `Error` with a Node-style `code`, as plugins written for Python-like semantics expect. */
export class WorkspaceError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.name = 'WorkspaceError'
    this.code = code
  }
}

/** A file's path and content, as written in one batch or fetched as a sample. */
export interface WorkspaceFile {
  path: string
  bytes: Uint8Array
}
