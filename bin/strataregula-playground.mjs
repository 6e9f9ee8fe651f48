#!/usr/bin/env node
// The headless runner: `npx strataregula-playground list | health | execute` (README, "Checking a registry in CI").
import { register } from 'tsx/esm/api'

register()
const { runCli } = await import('../src/cli/main.ts')
const output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}
process.exitCode = await runCli(process.argv.slice(2), output, process.cwd())
