import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../../../e2e/support/fixtureServer'
import { maskMetrics, SPEC_CASES, SPEC_METRICS } from '../doe-runner/helpers'
import { cli } from './runCli'

// Every run starts plugin threads that compile the runtime: seconds, not milliseconds, on a busy machine.
vi.setConfig({ testTimeout: 60_000 })

const CORPUS = 'e2e/fixtures/corpus/registry.json'
let workspace: string
let fixtures: FixtureServer

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'headless-runner-'))
  fixtures = await startFixtureServer('http://127.0.0.1:1')
})
afterAll(async () => {
  await rm(workspace, { recursive: true, force: true })
  await fixtures.close()
})

describe('list', () => {
  test('lists the bundled registry when none is given', async () => {
    const run = await cli(['list'])
    expect(run.out).toEqual([
      'Available Plugins:',
      '  hello: Says hello: the smallest useful Strataregula plugin',
      '  doe_runner: Batch experiment orchestrator for cases.csv → metrics.csv pipeline',
      expect.stringMatching(/^ {2}restaurant_config: Restaurant configuration management/),
      '  hello_py: Says hello from Python: the smallest useful Strataregula plugin',
      '  pattern_expander: Expands wildcard service patterns (edge.*.gateway) over a region hierarchy',
    ])
    expect(run.code).toBe(0)
  })

  test('loads plugins over http, relative imports included, and says why the others failed', async () => {
    const run = await cli(['list', '--registry', `${fixtures.origin}/cors/corpus/registry.json`])
    expect(run.out).toContain('  good: A well-behaved plugin')
    const failure = (name: string) => run.err.find((line) => line.startsWith(`Failed to load plugin ${name}: `))
    expect(failure('not_found')).toBe(`Failed to load plugin not_found: HTTP 404 Not Found for ${fixtures.origin}/cors/corpus/no-such-file.js`)
    expect(failure('wrong_mime')).toBe(
      `Failed to load plugin wrong_mime: wrong MIME type "text/plain" for ${fixtures.origin}/text/corpus/good.js (a module must be served as JavaScript)`,
    )
    expect(failure('syntax_error')).toMatch(/^Failed to load plugin syntax_error: syntax error in http:.*syntax-error\.js: /)
    expect(failure('throws_at_import')).toMatch(/: the module threw while being imported: Error: /)
    expect(failure('missing_export')).toMatch(/: export "ThePlugin" not found in /)
    expect(run.code).toBe(1)
  })

  test('reads a registry from a local path, its modules as files', async () => {
    const run = await cli(['list', '--registry', CORPUS])
    expect(run.out).toContain('  good: A well-behaved plugin')
    const corpus = join(process.cwd(), 'e2e/fixtures/corpus')
    expect(run.err).toContain(`Failed to load plugin not_found: module not found: ${corpus}/no-such-file.js`)
    expect(run.err).toContain(
      `Failed to load plugin imports_missing: a module it imports failed to load: module not found: ${corpus}/not-there.js (imported from ${corpus}/imports-missing.js)`,
    )
    expect(run.code).toBe(1)
  })

  test('reports a registry that cannot be read, naming it', async () => {
    const run = await cli(['list', '--registry', 'no/such/registry.json'])
    expect(run.err[0]).toMatch(/^Could not load registry file:\/\/.*\/no\/such\/registry\.json: could not be read \(ENOENT/)
    expect(run.out).toEqual(['Available Plugins:'])
    expect(run.code).toBe(1)
  })
})

describe('execute', () => {
  test('runs a command with arguments from a --config file in a --workspace folder', async () => {
    await writeFile(join(workspace, 'args.yaml'), 'who: CI\n')
    const run = await cli(['execute', 'hello', 'greet', '--config', join(workspace, 'args.yaml'), '--workspace', workspace])
    expect(run.out[0]).toBe('Command executed successfully')
    expect(JSON.parse(run.out.slice(1).join('\n'))).toMatchObject({ status: 'success', greeting: 'Hello, CI!' })
    expect(run.code).toBe(0)
  })

  test('a DOE run from a --config file in a --workspace folder writes the metrics srd 0.1.0 writes', async () => {
    await writeFile(join(workspace, 'cases.csv'), SPEC_CASES)
    await writeFile(join(workspace, 'run.yaml'), 'cases_path: cases.csv\nmetrics_path: out/metrics.csv\n')
    const run = await cli(['execute', 'doe_runner', 'execute_cases', '--config', 'run.yaml', '--workspace', '.'], workspace)
    expect(run.out[0]).toBe('Command executed successfully')
    expect(run.code).toBe(0)
    expect(maskMetrics(await readFile(join(workspace, 'out/metrics.csv'), 'utf8'))).toBe(SPEC_METRICS)
  })

  test('a missing plugin, an unsupported command and a failed command exit 1 with the guide texts', async () => {
    expect(await cli(['execute', 'nope', 'greet'])).toMatchObject({ code: 1, out: ["Plugin 'nope' not found"] })
    const unsupported = await cli(['execute', 'hello', 'shout'])
    expect(unsupported.out[0]).toBe('Command failed: Command shout not supported')
    expect(unsupported.code).toBe(1)
    const thrown = await cli(['execute', 'outcomes', 'throws', '--registry', `${fixtures.origin}/cors/execute.json`])
    expect(thrown.out[0]).toBe('Command failed: Plugin execution failed: kaboom')
    expect(thrown.code).toBe(1)
  })

  test('a command past its time limit is stopped, even in an endless loop', async () => {
    const run = await cli(['execute', 'outcomes', 'loops', '--timeout', '0.5', '--registry', `${fixtures.origin}/cors/execute.json`])
    expect(run.out[0]).toBe('Command failed: Plugin execution timed out after 500 ms')
    expect(run.code).toBe(1)
  })

  test('plugin log lines go to stderr, the result alone to stdout', async () => {
    const run = await cli(['execute', 'hello', 'greet'])
    expect(run.err.join('\n')).toMatch(/greeting/)
    expect(run.out[0]).toBe('Command executed successfully')
  })
})

describe('usage', () => {
  test.each([
    [[], 'Error: a command is required: list, health or execute'],
    [['frob'], 'Error: unknown command "frob": use list, health or execute'],
    [['execute', 'hello'], 'Error: execute needs a plugin name and a command: execute <plugin> <command>'],
    [['list', '--timeout', '3'], 'Error: --config, --workspace and --timeout belong to execute'],
    [['execute', 'hello', 'greet', '--timeout', 'soon'], 'Error: --timeout must be a positive number of seconds, got "soon"'],
  ])('%j exits 2: %s', async (argv, message) => {
    const run = await cli(argv)
    expect(run.err[0]).toBe(message)
    expect(run.out).toEqual([])
    expect(run.code).toBe(2)
  })

  test('an unknown option is a usage error', async () => {
    const run = await cli(['list', '--colour'])
    expect(run.err[0]).toMatch(/^Error: Unknown option '--colour'/)
    expect(run.code).toBe(2)
  })

  test('an unreadable --config file is a usage error', async () => {
    const run = await cli(['execute', 'hello', 'greet', '--config', 'missing.yaml'], workspace)
    expect(run.err[0]).toMatch(/^Error: --config .*missing\.yaml could not be read: ENOENT/)
    expect(run.code).toBe(2)
  })
})
