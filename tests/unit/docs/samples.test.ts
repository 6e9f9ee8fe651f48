import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, test } from 'vitest'
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
    for (const command of commands) expect(spawnSync('bash', ['-c', command], { encoding: 'utf8' }).status, command).toBe(0)
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
