import {
  Composer,
  CST,
  LineCounter,
  Parser,
  type Document,
  type DocumentOptions,
  type ScalarTag,
  type Tags,
  type SchemaOptions,
  type ToStringOptions,
  type YAMLError,
} from 'yaml'

/**
 * YAML 1.1, as PyYAML reads the same files: `yes`/`no`/`on`/`off` are booleans there, and a setting must
 * mean the same thing in the playground. A file can opt into 1.2 with a `%YAML 1.2` directive.
 * Warnings are reported to the user as issues, so the library need not print them to the console.
 */
const READ_OPTIONS: DocumentOptions & SchemaOptions = {
  version: '1.1',
  logLevel: 'error',
  customTags: withPyYamlBooleans,
}

const BOOL_TAG = 'tag:yaml.org,2002:bool'
// PyYAML's booleans: unlike YAML 1.1 proper, a lone `y` or `n` stays a string (think `n: 2`).
const PYYAML_TRUE = /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/
const PYYAML_FALSE = /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/

function withPyYamlBooleans(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== 'object' || tag.tag !== BOOL_TAG || !('test' in tag) || !tag.test) return tag
    const { test } = tag
    // Only YAML 1.1's two boolean tags read a lone y or n; the 1.2 core tag is left alone.
    if (!test.test('y') && !test.test('n')) return tag
    return { ...tag, test: test.test('y') ? PYYAML_TRUE : PYYAML_FALSE } as ScalarTag
  })
}

/** Keeps an edited file looking as written: no re-wrapping of long lines, `{a: 1}` stays unpadded. */
export const YAML_WRITE_OPTIONS: ToStringOptions = {
  lineWidth: 0,
  flowCollectionPadding: false,
}

/** Far deeper than any configuration, far shallower than what overflows the stack while composing. */
const MAX_NESTING_DEPTH = 100

export interface YamlProblem {
  message: string
  offset: number
}

export interface YamlRead {
  /** The first document; null when the text is too deeply nested to compose. */
  document: Document.Parsed | null
  errors: YamlProblem[]
  warnings: YamlProblem[]
  lineCounter: LineCounter
}

/**
 * Reads the first YAML document of `text`. The syntax tree is built first, without recursion, and its depth
 * checked: composing a very deep tree recurses until the stack overflows, and some engines do not survive
 * that gracefully.
 */
export function readYamlDocument(text: string): YamlRead {
  const lineCounter = new LineCounter()
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text))
  const tooDeepAt = firstTooDeep(tokens)
  if (tooDeepAt !== undefined) {
    const message = `The YAML is nested more than ${MAX_NESTING_DEPTH} levels deep`
    return { document: null, errors: [{ message, offset: tooDeepAt }], warnings: [], lineCounter }
  }
  // `forceDoc`: there is a document even for an empty text.
  const [document, second] = Array.from(new Composer(READ_OPTIONS).compose(tokens, true, text.length)) as [Document.Parsed, Document.Parsed | undefined]
  const errors = document.errors.map(problem)
  if (second) {
    errors.push({ message: 'Expected a single YAML document, but another one starts here', offset: second.range[0] })
  }
  return { document, errors, warnings: document.warnings.map(problem), lineCounter }
}

function problem(error: YAMLError): YamlProblem {
  return { message: error.message, offset: error.pos[0] }
}

/** Offset of the first collection (in text order) nested deeper than the limit; an explicit-stack walk. */
function firstTooDeep(tokens: CST.Token[]): number | undefined {
  const pending: Array<[CST.Token | null | undefined, number]> = tokens.map((token) => [token, 0])
  pending.reverse()
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [token, parentDepth] = next
    if (token?.type === 'document') pending.push([token.value, parentDepth])
    if (!CST.isCollection(token)) continue
    const depth = parentDepth + 1
    if (depth > MAX_NESTING_DEPTH) return token.offset
    for (const item of [...token.items].reverse()) pending.push([item.value, depth], [item.key, depth])
  }
  return undefined
}
