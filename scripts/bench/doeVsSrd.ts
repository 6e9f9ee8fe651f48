// The DOE Runner port against the real `srd run` (strataregula-doe-runner 0.1.0) on the same cases file:
// whole processes, alternating, each in a fresh folder in memory (so neither finds a cache), timed from start to exit.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatRatio, formatSeconds, median, tableLines } from './format'

const PORT_PROCESS = fileURLToPath(new URL('./doeNodeProcess.mjs', import.meta.url))
const CASES_FILE = 'cases.csv'
// Runs write and delete 1,000 cache files each. On a disk, the next run's file creation then pays for the
// allocator's search past the inodes just freed, several times over and differently from run to run; in memory
// (tmpfs, where the machine has one) both sides only pay for creating their files.
const RUN_FOLDERS_IN = existsSync('/dev/shm') ? '/dev/shm' : tmpdir()
// Runs the command, then has the shell report its children's CPU times (`times`, second line) on fd 3.
const TIMED_SCRIPT = '"$@" && times >&3'

/** One whole run: seconds from start to exit, and the CPU seconds it used (all its threads and child processes). */
export interface ProcessRun {
  wall: number
  user: number
  system: number
}

export interface ProcessTimes {
  /** The port in Node, in the order run. */
  port: ProcessRun[]
  /** `srd run`; empty when `srd` is not on the PATH. */
  srd: ProcessRun[]
}

/** Medians of one side's runs; `cpu` is user + system. */
export interface ProcessSummary {
  wall: number
  user: number
  system: number
  cpu: number
}

/** Whether `srd` (the Python tool) can be started. */
export function srdAvailable(): boolean {
  return spawnSync('srd', ['--help'], { stdio: 'ignore' }).status === 0
}

/** The children's user and system seconds from the output of `times`, e.g. `0m0.650000s 0m0.210000s`. */
function childCpuSeconds(timesOutput: string): { user: number; system: number } {
  const childrenLine = timesOutput.trim().split('\n').at(-1) ?? ''
  const seconds = [...childrenLine.matchAll(/(\d+)m([\d.]+)s/g)].map(([, minutes, rest]) => Number(minutes) * 60 + Number(rest))
  if (seconds.length !== 2) throw new Error(`unexpected output of times: ${JSON.stringify(timesOutput)}`)
  return { user: seconds[0], system: seconds[1] }
}

/** Runs `command` in a fresh folder holding the cases file. */
async function timedProcess(cases: string, command: string, args: string[]): Promise<ProcessRun> {
  const folder = await mkdtemp(join(RUN_FOLDERS_IN, 'doe-bench-'))
  try {
    await writeFile(join(folder, CASES_FILE), cases)
    const started = performance.now()
    let timesOutput = ''
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      const child = spawn('sh', ['-c', TIMED_SCRIPT, 'sh', command, ...args], { cwd: folder, stdio: ['ignore', 'ignore', 'inherit', 'pipe'] })
      child.stdio[3]?.on('data', (chunk: Buffer) => (timesOutput += chunk.toString()))
      child.on('error', reject)
      child.on('close', resolve)
    })
    const wall = (performance.now() - started) / 1000
    if (exitCode !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${exitCode}`)
    return { wall, ...childCpuSeconds(timesOutput) }
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

function summariseRuns(runs: ProcessRun[]): ProcessSummary {
  return {
    wall: median(runs.map((run) => run.wall)),
    user: median(runs.map((run) => run.user)),
    system: median(runs.map((run) => run.system)),
    cpu: median(runs.map((run) => run.user + run.system)),
  }
}

/** The medians of each, and how many times faster the port is in wall-clock and CPU time (undefined without `srd`). */
export function summarise(times: ProcessTimes): { port: ProcessSummary; srd?: ProcessSummary; speedup?: { wall: number; cpu: number } } {
  const port = summariseRuns(times.port)
  if (times.srd.length === 0) return { port }
  const srd = summariseRuns(times.srd)
  return { port, srd, speedup: { wall: srd.wall / port.wall, cpu: srd.cpu / port.cpu } }
}

/** The summary as a table: wall-clock and CPU medians of each side, and their ratio. */
export function comparisonLines(summary: ReturnType<typeof summarise>): string[] {
  const side = (name: string, times: ProcessSummary) => [
    name,
    formatSeconds(times.wall),
    `${formatSeconds(times.cpu)} (${formatSeconds(times.user)} user, ${formatSeconds(times.system)} sys)`,
  ]
  const rows = [['run', 'wall', 'CPU'], side('port in Node', summary.port)]
  if (summary.srd && summary.speedup) {
    rows.push(side('srd run', summary.srd), ['srd / port', formatRatio(summary.speedup.wall), formatRatio(summary.speedup.cpu)])
  } else {
    rows.push(['srd run', 'not measured: `srd` is not on the PATH', ''])
  }
  return tableLines(rows, 'lrr')
}
