import { isCollection, isScalar, isSeq, type Document } from 'yaml'
import { UNSAFE_KEYS } from './parse'
import { formatPath } from './path'
import type { ConfigPath } from './types'
import { readYamlDocument, YAML_WRITE_OPTIONS } from './yamlDocument'

/** An edit that cannot be made to the text as it is; the message says why. */
export class ConfigEditError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigEditError'
  }
}

/*
 * Edits go through the YAML document, not the parsed value, so comments, blank lines, key order and
 * flow or block style of everything else survive. A text with YAML errors is never edited.
 */

/** `text` with the setting at `path` set to `value`; missing mappings on the way are created. */
export function setIn(text: string, path: ConfigPath, value: unknown): string {
  return edited(text, path, (document) => put(document, path, value))
}

/** `text` with `item` added at the end of the list at `path`; the list is created when missing or empty. */
export function appendIn(text: string, path: ConfigPath, item: unknown): string {
  return edited(text, path, (document) => {
    const list: unknown = document.getIn(path, true)
    if (isSeq(list)) list.add(document.createNode(item))
    else if (list === undefined || isNullScalar(list)) put(document, path, [item])
    else throw new ConfigEditError(`Cannot add to ${formatPath(path)}: it is not a list`)
  })
}

function put(document: Document, path: ConfigPath, value: unknown): void {
  prepareParents(document, path)
  // A scalar passed as it is updates the existing node in place, which keeps that node's comment.
  document.setIn(path, isScalarValue(value) ? value : document.createNode(value))
}

function edited(text: string, path: ConfigPath, change: (document: Document) => void): string {
  const document = editableDocument(text, path)
  change(document)
  return document.toString(YAML_WRITE_OPTIONS)
}

function editableDocument(text: string, path: ConfigPath): Document {
  const unsafe = path.find((segment) => UNSAFE_KEYS.has(String(segment)))
  if (unsafe !== undefined) {
    throw new ConfigEditError(`Cannot edit ${formatPath(path)}: the key "${unsafe}" is not allowed`)
  }
  const { document, errors } = readYamlDocument(text)
  if (!document || errors.length > 0) {
    throw new ConfigEditError('Cannot edit the file while it has YAML errors; fix the text first')
  }
  return document
}

/**
 * Makes every node above `path` a collection: a missing or empty one (`discovery:` with nothing after it)
 * becomes an empty mapping, or list for a numeric segment; any other value on the way is refused rather than
 * overwritten. Creating them here, level by level, keeps the library from creating `!!omap` ones.
 */
function prepareParents(document: Document, path: ConfigPath): void {
  for (let depth = 0; depth < path.length; depth++) {
    const prefix = path.slice(0, depth)
    const node: unknown = document.getIn(prefix, true)
    if (isCollection(node)) continue
    const wantsList = typeof path[depth] === 'number'
    if (node === undefined || node === null || isNullScalar(node)) {
      document.setIn(prefix, document.createNode(wantsList ? [] : {}))
      continue
    }
    const where = depth === 0 ? 'the top level' : formatPath(prefix)
    throw new ConfigEditError(`Cannot set ${formatPath(path)}: ${where} is not ${wantsList ? 'a list' : 'a mapping'}`)
  }
}

function isNullScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null
}

function isScalarValue(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function')
}
