import { runCli } from '../../../src/cli/main'

export interface CliRun {
  code: number
  out: string[]
  err: string[]
}

/** Runs the headless runner in this process, capturing what it prints. */
export async function cli(argv: string[], cwd = process.cwd()): Promise<CliRun> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) }, cwd)
  return { code, out, err }
}
