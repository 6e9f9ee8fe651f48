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
