import { errorMessage } from '../errorMessage'
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, visit, type Document, type Node } from 'yaml'
import { isPlainObject } from '../plainObject'
import { formatPath } from './path'
import { formatLimit, formatSize } from '../format'
import { utf8Size } from './size'
import type { ConfigIssue, ConfigMapping, ConfigPath } from './types'
import { readYamlDocument } from './yamlDocument'

export const MAX_CONFIG_TEXT_BYTES = 256 * 1024
const MAX_REPORTED_ERRORS = 10
/** Alias expansions allowed; a legitimate configuration needs far fewer, an alias bomb far more. */
const MAX_ALIAS_COUNT = 100
/** Keys that would reach object prototypes if a mapping were ever assigned key by key. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

export interface SourcePosition {
  line: number
  column: number
}

export interface ParsedConfigText {
  /** The file's top-level mapping without any refused key; null when the file as a whole cannot be used. */
  value: ConfigMapping | null
  errors: ConfigIssue[]
  warnings: ConfigIssue[]
  /** Where the node at `path` starts in the text, if the text has it. */
  locate(path: ConfigPath): SourcePosition | undefined
}

/**
 * Reads one configuration file's text safely: never throws, never lets a key reach a prototype, bounds
 * the work an alias bomb or a huge text can cause. An empty or comment-only file is an empty mapping.
 */
export function parseConfigText(text: string): ParsedConfigText {
  const size = utf8Size(text)
  if (size > MAX_CONFIG_TEXT_BYTES) {
    return unusable([{ message: `The file is too large to read: ${formatSize(size)} (the limit is ${formatLimit(MAX_CONFIG_TEXT_BYTES)})` }])
  }

  const { document, errors: yamlErrors, warnings: yamlWarnings, lineCounter } = readYamlDocument(text)
  const positionOf = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  const issueAt = (message: string, offset: number | undefined): ConfigIssue => (offset === undefined ? { message } : { message, ...positionOf(offset) })

  const warnings = yamlWarnings.map((warning) => issueAt(warning.message, warning.offset))
  if (!document || yamlErrors.length > 0) {
    return { ...unusable(capped(yamlErrors.map((error) => issueAt(error.message, error.offset)))), warnings }
  }

  const screened = screen(document, issueAt)
  if (screened.unknownAliases.length > 0) {
    return { ...unusable([...screened.unknownAliases, ...screened.refusedKeys]), warnings }
  }
  const errors = screened.refusedKeys

  let value: unknown
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (error) {
    const message = isAliasBomb(error)
      ? `Too many alias expansions (more than ${MAX_ALIAS_COUNT}): the file looks like an alias bomb and was not read`
      : `Could not read the YAML: ${errorMessage(error)}`
    return { ...unusable([...errors, { message }]), warnings }
  }

  const locate = (path: ConfigPath): SourcePosition | undefined => {
    const offset = startOffset(nodeNamedBy(document, path))
    return offset === undefined ? undefined : positionOf(offset)
  }
  if (value === null || value === undefined) return { value: {}, errors, warnings, locate }
  if (!isPlainObject(value)) {
    errors.push(issueAt('The top level must be a mapping (key: value lines)', startOffset(document.contents)))
    return { value: null, errors, warnings, locate }
  }
  return { value, errors, warnings, locate }
}

function unusable(errors: ConfigIssue[]): ParsedConfigText {
  return { value: null, errors, warnings: [], locate: () => undefined }
}

function capped(errors: ConfigIssue[]): ConfigIssue[] {
  if (errors.length <= MAX_REPORTED_ERRORS) return errors
  const more = { message: `…and ${errors.length - MAX_REPORTED_ERRORS} more errors` }
  return [...errors.slice(0, MAX_REPORTED_ERRORS), more]
}

function isAliasBomb(error: unknown): boolean {
  return error instanceof ReferenceError && error.message.startsWith('Excessive alias count')
}

/**
 * One pass over the document in source order: removes every pair whose key is unsafe (reporting its
 * path) and reports aliases used before any anchor of that name, which `toJS` could not resolve.
 * Anchors are tracked here because resolving an alias through the library rescans the whole document.
 */
function screen(document: Document, issueAt: (message: string, offset: number | undefined) => ConfigIssue) {
  const anchors = new Map<string, Node>()
  const refusedKeys: ConfigIssue[] = []
  const unknownAliases: ConfigIssue[] = []
  const scalarText = (node: unknown): string | undefined => {
    const target = isAlias(node) ? anchors.get(node.source) : node
    return isScalar(target) ? String(target.value) : undefined
  }

  visit(document, (_key, node, ancestors) => {
    if (isAlias(node)) {
      const name = node.source
      if (!anchors.has(name)) {
        const message = `Unknown alias *${name}: define the anchor &${name} before using it`
        unknownAliases.push(issueAt(message, startOffset(node)))
      }
      return undefined
    }
    if (isNode(node) && node.anchor) anchors.set(node.anchor, node)
    if (!isPair(node)) return undefined
    const key = scalarText(node.key)
    if (key === undefined || !UNSAFE_KEYS.has(key)) return undefined
    const path = pathOf([...ancestors, node], scalarText)
    const message = `${formatPath(path)}: the key "${key}" is not allowed and was ignored`
    refusedKeys.push(issueAt(message, startOffset(node.key)))
    return visit.REMOVE
  })
  return { refusedKeys, unknownAliases }
}

/** The config path of the last node of `chain`, a chain of nodes from the document down. */
function pathOf(chain: readonly unknown[], keyText: (key: unknown) => string | undefined): ConfigPath {
  const path: (string | number)[] = []
  chain.forEach((node, index) => {
    if (isPair(node)) path.push(keyText(node.key) ?? String(node.key))
    else if (isSeq(node)) path.push(node.items.indexOf(chain[index + 1]))
  })
  return path
}

/** The key node of the pair `path` names, or the list item or document top it names. */
function nodeNamedBy(document: Document, path: ConfigPath): unknown {
  if (path.length === 0) return document.contents
  const parent: unknown = document.getIn(path.slice(0, -1), true)
  const last = path[path.length - 1]
  if (isMap(parent)) {
    return parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(last))?.key
  }
  return isSeq(parent) && typeof last === 'number' ? parent.items[last] : undefined
}

function startOffset(node: unknown): number | undefined {
  return isNode(node) ? node.range?.[0] : undefined
}
