// One DOE Runner run as a whole Node process, the counterpart of one `srd run`:
// `node scripts/bench/doeNodeProcess.mjs <run folder> <cases file> <max_workers>`.
// Plain JavaScript, so that plain `node` starts it (a TypeScript loader would add its own start-up).
// Like `srd run` in its working folder, it reads the cases file from the run folder and writes
// metrics.csv, the cache files and the run log there.
import { mkdirSync, writeFileSync } from 'node:fs'
import { readdir, readFile, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { DOERunnerPlugin } from '../../public/plugins/doe-runner/plugin.js'

/**
 * The plugin's `ctx.fs` on a folder of this machine: only what the DOE Runner calls. Small files are written
 * synchronously: through libuv's thread pool, 1,000 cache files cost 10–30 times the system time, its
 * threads contending for the writes.
 */
function folderWorkspace(root) {
  const at = (path) => join(root, path)
  const folders = new Set()
  const write = async (path, content) => {
    const folder = dirname(at(path))
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true })
    folders.add(folder)
    writeFileSync(at(path), content)
  }
  return {
    readBytes: async (path) => new Uint8Array(await readFile(at(path))),
    readText: (path) => readFile(at(path), 'utf8'),
    writeText: write,
    writeBytes: write,
    list: async (dir = '') =>
      (await readdir(at(dir), { recursive: true, withFileTypes: true }).catch(() => []))
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(at(dir).length + 1)),
    remove: (path) => rm(at(path)),
  }
}

const [root, casesPath, maxWorkers] = process.argv.slice(2)
const ctx = { fs: folderWorkspace(root), config: {}, log: () => {}, progress: () => {}, signal: new AbortController().signal }
const result = await new DOERunnerPlugin().execute_cases({ cases_path: casesPath, max_workers: Number(maxWorkers) }, ctx)
if (!result.stats?.total) throw new Error(`the run did not happen: ${JSON.stringify(result)}`)
