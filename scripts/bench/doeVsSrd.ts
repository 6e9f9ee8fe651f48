// The DOE Runner port against the real `srd run` (strataregula-doe-runner 0.1.0) on the same cases file:
// whole processes, alternating, each in a fresh folder (so neither finds a cache), timed from start to exit.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { median } from './format'

const PORT_PROCESS = fileURLToPath(new URL('./doeNodeProcess.mjs', import.meta.url))
const CASES_FILE = 'cases.csv'

export interface ProcessTimes {
  /** Seconds per run of the port in Node, in the order run. */
  port: number[]
  /** Seconds per run of `srd run`; empty when `srd` is not on the PATH. */
  srd: number[]
}

/** Whether `srd` (the Python tool) can be started. */
export function srdAvailable(): boolean {
  return spawnSync('srd', ['--help'], { stdio: 'ignore' }).status === 0
}

/** Runs `command` in a fresh folder holding the cases file; resolves to the seconds from start to exit. */
async function timedProcess(cases: string, command: string, args: string[]): Promise<number> {
  const folder = await mkdtemp(join(tmpdir(), 'doe-bench-'))
  try {
    await writeFile(join(folder, CASES_FILE), cases)
    const started = performance.now()
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(command, args, { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'] })
      child.on('error', reject)
      child.on('exit', resolve)
    })
    const seconds = (performance.now() - started) / 1000
    if (exitCode !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${exitCode}`)
    return seconds
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/** `rounds` runs of each, alternating port and `srd` (when available), on the same cases. */
export async function timePortAndSrd(cases: string, maxWorkers: number, rounds: number): Promise<ProcessTimes> {
  const withSrd = srdAvailable()
  const times: ProcessTimes = { port: [], srd: [] }
  for (let round = 0; round < rounds; round++) {
    times.port.push(await timedProcess(cases, process.execPath, [PORT_PROCESS, '.', CASES_FILE, String(maxWorkers)]))
    if (withSrd) times.srd.push(await timedProcess(cases, 'srd', ['run', '--cases', CASES_FILE, '--max-workers', String(maxWorkers)]))
  }
  return times
}

/** The median of each, and how many times faster the port is (undefined without `srd`). */
export function summarise(times: ProcessTimes): { port: number; srd?: number; speedup?: number } {
  const port = median(times.port)
  if (times.srd.length === 0) return { port }
  const srd = median(times.srd)
  return { port, srd, speedup: srd / port }
}
