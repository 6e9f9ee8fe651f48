import { readFileSync } from 'node:fs'
import ts from 'typescript'
import { expect, test } from 'vitest'
import { pluginTypes } from '../../../scripts/build-plugin-types.mjs'

const AUTHORS = 'tests/fixtures/author'

const AUTHOR_FILES = ['hello.js', 'hello.ts', 'mistakes.js']
let authorProgram: ts.Program | undefined

/** The type errors of one author's file, as `line: message`. The files share one program: the libraries load once. */
function typeErrors(file: string): string[] {
  authorProgram ??= ts.createProgram(
    AUTHOR_FILES.map((name) => `${AUTHORS}/${name}`),
    {
      allowJs: true,
      checkJs: true,
      noEmit: true,
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts', 'lib.webworker.d.ts'],
      types: [],
    },
  )
  return ts.getPreEmitDiagnostics(authorProgram, authorProgram.getSourceFile(`${AUTHORS}/${file}`)).map((diagnostic) => {
    const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0
    return `${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n')[0]}`
  })
}

test('the published declaration file is the app’s own contract types, up to date', () => {
  expect(readFileSync('public/types/strataregula-plugin.d.ts', 'utf8')).toBe(pluginTypes())
}, 30_000)

test.each(['hello.js', 'hello.ts'])(
  'a plugin written against the types checks cleanly: %s',
  (file) => {
    expect(typeErrors(file)).toEqual([])
  },
  30_000,
)

test('the types catch an author’s mistakes', () => {
  expect(typeErrors('mistakes.js')).toEqual([
    "8: Property 'get_info' in type 'Mistaken' is not assignable to the same property in base type 'StrataregulaPlugin'.",
    "14: Argument of type 'number' is not assignable to parameter of type 'string'.",
    '15: Expected 2-3 arguments, but got 1.',
  ])
}, 30_000)
