import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { readGlobalConfigFile } from '../../../src/core/config/fileState'
import { isCommandResult } from '../../../src/core/hostOutcomes'
import { parseManifest } from '../../../src/core/manifest/parseManifest'
import { callableCommands } from '../../../src/core/pluginCommands'
import { parseRunArguments } from '../../../src/core/runArguments'
import { readPluginInfo } from '../../../src/runtime/sandbox/describePlugin'
import { instantiatePlugin } from '../../../src/runtime/sandbox/instantiate'
import { createTestContext } from '../../support/context'

const DOCS = 'docs'

interface Sample {
  doc: string
  line: number
  kind: string
  code: string
}

/** Every fenced code block of the docs, with its kind: the info string (`js plugin`, `json manifest`, …). */
function samples(): Sample[] {
  const found: Sample[] = []
  for (const doc of readdirSync(DOCS).filter((name) => name.endsWith('.md'))) {
    const text = readFileSync(join(DOCS, doc), 'utf8')
    for (const match of text.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)) {
      found.push({ doc, line: text.slice(0, match.index).split('\n').length, kind: match[1].trim(), code: match[2] })
    }
  }
  return found
}

/** Runs a sample module from the docs folder, so that its relative imports resolve as they read. */
async function importSample(code: string): Promise<Record<string, unknown>> {
  const file = join(DOCS, `.sample-${process.pid}-${Math.random().toString(36).slice(2)}.mjs`)
  writeFileSync(file, code)
  try {
    return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>
  } finally {
    rmSync(file)
  }
}

const RUNNER = /^npx strataregula-playground /
const BUNDLED_REGISTRY = 'public/registry.json'
const RECIPE = /<!-- registry-ci-recipe -->\n```sh\n([\s\S]*?)```\n<!-- \/registry-ci-recipe -->/

/** The README's CI recipe, as a registry's CI would run it; the clone and install steps are this checkout. */
function recipeCommands(): string[] {
  const recipe = RECIPE.exec(readFileSync('README.md', 'utf8'))
  if (!recipe) throw new Error('README.md has no registry CI recipe')
  return recipe[1].split('\n').filter((line) => RUNNER.test(line))
}

// The runner's temporary folders (a recipe's `mktemp -d`) go where the tests can remove them.
const temporary = mkdtempSync(join(tmpdir(), 'runner-samples-'))
afterAll(() => rmSync(temporary, { recursive: true, force: true }))

interface RunnerRun {
  status: number | null
  stdout: string
  stderr: string
}

const runs = new Map<string, RunnerRun>()

/**
 * Runs a runner command line in a process of its own, as a shell in CI would. Each process starts the runner
 * (and CPython for a registry's wheels) afresh, so a line the docs and the README both show runs once.
 */
function runRunner(command: string, registry = BUNDLED_REGISTRY): RunnerRun {
  const key = command.replaceAll('"$REGISTRY"', registry)
  let run = runs.get(key)
  if (!run) {
    run = spawnSync('bash', ['-c', command], { env: { ...process.env, REGISTRY: registry, TMPDIR: temporary }, encoding: 'utf8' })
    runs.set(key, run)
  }
  return run
}

const CHECKS: Record<string, (code: string) => Promise<void> | void> = {
  // A plugin: it loads as the sandbox loads plugins, and every command succeeds on an empty workspace.
  'js plugin': async (code) => {
    const namespace = await importSample(code)
    for (const exportName of Object.keys(namespace)) {
      const { plugin } = (await instantiatePlugin(namespace, exportName, 'docs sample')) as { plugin: Record<string, unknown> }
      const info = await readPluginInfo(plugin)
      for (const command of callableCommands(plugin, info.supported_commands)) {
        const result = await (plugin[command] as (kwargs: object, ctx: object) => unknown).call(plugin, {}, createTestContext())
        expect(isCommandResult(result) && result.status, `${exportName}.${command}`).toBe('success')
      }
    }
  },
  // Code that checks something itself: it throws when what it shows is no longer true.
  'js test': async (code) => void (await importSample(code)),
  'json manifest': (code) => {
    const parsed = parseManifest(code, 'https://docs.example/registry.json')
    expect(parsed.problems).toEqual([])
    expect(parsed.entries.length).toBeGreaterThan(0)
  },
  'yaml config': (code) => {
    const file = readGlobalConfigFile(code)
    expect([...file.errors, ...file.warnings]).toEqual([])
  },
  'yaml config-args': (code) => expect(parseRunArguments(code)).toMatchObject({ ok: true }),
  'sh runner': (code) => {
    const commands = code.split('\n').filter((line) => RUNNER.test(line))
    expect(commands.length).toBeGreaterThan(0)
    for (const command of commands) expect(runRunner(command).status, command).toBe(0)
  },
  'sh integrity': (code) => {
    const folder = mkdtempSync(join(tmpdir(), 'integrity-sample-'))
    try {
      writeFileSync(join(folder, 'plugin.js'), 'export default {}\n')
      const printed = spawnSync('bash', ['-c', code], { cwd: folder, encoding: 'utf8' }).stdout.trim()
      expect(printed).toBe(`sha384-${createHash('sha384').update('export default {}\n').digest('base64')}`)
    } finally {
      rmSync(folder, { recursive: true })
    }
  },
  // Output and addresses to read, not to run.
  text: () => undefined,
}

describe('docs samples', () => {
  test('every code block says what kind of sample it is', () => {
    const unknown = samples()
      .filter((sample) => !(sample.kind in CHECKS))
      .map((sample) => `${sample.doc}:${sample.line} "${sample.kind}"`)
    expect(unknown).toEqual([])
  })

  test.each(samples().map((sample) => [`${sample.doc}:${sample.line} (${sample.kind})`, sample] as const))(
    '%s',
    async (_, sample) => {
      await CHECKS[sample.kind]?.(sample.code)
    },
    // A runner sample's health check starts Python for the bundled registry's wheels.
    180_000,
  )
})

describe('the README', () => {
  test('the CI recipe checks a registry of ES modules and wheels with the runner', () => {
    const commands = recipeCommands()
    expect(commands).toHaveLength(4)
    for (const command of commands) {
      const run = runRunner(command)
      expect({ command, status: run.status, stderr: run.stderr }).toMatchObject({ command, status: 0 })
    }
    // `health` loads every plugin of the bundled registry, the Python ones in CPython, and says so.
    const health = commands.find((command) => command.includes(' health '))
    expect(health && runRunner(health).stdout).toBe(
      [
        'Plugin Health:',
        '  hello: healthy (hello 1.2.0)',
        '  doe_runner: healthy (doe_runner 0.1.0)',
        '  restaurant_config: healthy (restaurant_config 0.1.0)',
        '  hello_py: healthy (hello_py 1.2.0)',
        '  pattern_expander: healthy (pattern_expander 0.1.0)',
        '',
      ].join('\n'),
    )
    expect(runRunner(commands[0], 'e2e/fixtures/corpus/registry.json').status).toBe(1)
  }, 300_000)
})
