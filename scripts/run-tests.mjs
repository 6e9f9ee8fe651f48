// Runs every check (type-check, lint, formatting) and suite (unit, browser), then prints one `N passed, N failed`
// line for the tests of all suites; a check that fails counts as one failure.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const OUTPUT = '.test-output'
rmSync(OUTPUT, { recursive: true, force: true })
mkdirSync(OUTPUT, { recursive: true })

function run(command, args, env = process.env) {
  console.log(`\n$ ${command} ${args.join(' ')}`)
  return spawnSync(command, args, { stdio: 'inherit', shell: false, env }).status === 0
}

/** Runs the commands at once, each with its output held and printed whole when it ends; resolves to their successes. */
function runAtOnce(commands) {
  return Promise.all(
    commands.map(
      ([command, args]) =>
        new Promise((resolve) => {
          const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
          const output = []
          child.stdout.on('data', (chunk) => output.push(chunk))
          child.stderr.on('data', (chunk) => output.push(chunk))
          child.on('close', (code) => {
            console.log(`\n$ ${command} ${args.join(' ')}\n${Buffer.concat(output).toString().trimEnd()}`)
            resolve(code === 0)
          })
        }),
    ),
  )
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined
}

// The checks, the unit tests and the preview build are each mostly single-threaded: side by side they keep
// both cores busy. The browser tests then use the build (E2E_PREBUILT) instead of building it again.
const outDir = process.env.E2E_OUT_DIR ?? 'dist'
const startedAt = performance.now()
const [typecheckOk, lintOk, formatOk, unitOk, buildOk, chromiumOk] = await runAtOnce([
  ['npm', ['run', '--silent', 'typecheck']],
  ['npm', ['run', '--silent', 'lint']],
  ['npm', ['run', '--silent', 'format:check']],
  ['npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${OUTPUT}/vitest.json`]],
  ['npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir']],
  ['bash', ['scripts/ensure-chromium.sh']],
])
console.log(`\nChecks, unit tests and build: ${((performance.now() - startedAt) / 1000).toFixed(0)} s`)
const e2eRan = buildOk && chromiumOk
const e2eOk = e2eRan && run('npx', ['playwright', 'test'], { ...process.env, E2E_PREBUILT: '1' })

const unit = readJson(`${OUTPUT}/vitest.json`)
const e2e = readJson(`${OUTPUT}/playwright.json`)
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats.expected ?? 0) + (e2e?.stats.flaky ?? 0)
let failed = (unit?.numFailedTests ?? 0) + (e2e?.stats.unexpected ?? 0)
// A suite that failed without reporting any failed test (type errors, a crash, no browser) counts as one failure.
for (const [ok, reported] of [
  [typecheckOk, 0],
  [lintOk, 0],
  [formatOk, 0],
  [unitOk, unit?.numFailedTests],
  [buildOk, 0],
  [chromiumOk, 0],
  [e2eOk || !e2eRan, e2e?.stats.unexpected],
]) {
  if (!ok && !reported) failed += 1
}
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(typecheckOk && lintOk && formatOk && unitOk && buildOk && chromiumOk && e2eOk ? 0 : 1)
