// A run of cases.csv → metrics.csv, step by step as 0.1.0's Runner.execute does it.
import { formatFixed } from '../python/decimal.js'
import { PyRuntimeError, PyTypeError, PyValueError } from '../python/errors.js'
import { PyRandom } from '../python/random.js'
import { pyRepr } from '../python/repr.js'
import { CaseSignals, epochMicros } from '../timing.js'
import { CaseCache, caseHash } from './cache.js'
import { normaliseCase, readCaseRows } from './cases.js'
import { executeCase, notStartedResult } from './executor.js'
import { metricsCsv } from './metrics.js'
import { optionText, optionTypeName } from './options.js'
import { runLimited } from './pool.js'
import { executionReportLines } from './report.js'
import { runLogPath, runLogText } from './runlog.js'
import { countViolations } from './thresholds.js'
import { validateCases } from './validate.js'

// Cache writes are started as results come in and awaited at every group barrier. In between,
// each batch of this many is awaited once the next batch is full, so that writes stay in flight
// while cases run (in the playground every write is a round trip to the page).
const WRITE_BATCH = 256

/** Raw rows → validated, normalised cases; throws `Validation errors: [...]`. */
export async function loadCases(fs, casesPath) {
  const rows = await readCaseRows(fs, casesPath)
  const errors = validateCases(rows)
  if (errors.length > 0) throw new PyValueError(`Validation errors: ${pyRepr(errors)}`)
  return rows.map(normaliseCase)
}

/** How many cases may run at once, as ThreadPoolExecutor(max_workers) accepts it. */
function workerLimit(maxWorkers) {
  const count = typeof maxWorkers === 'boolean' ? Number(maxWorkers) : maxWorkers
  if (typeof count !== 'number') {
    throw new PyTypeError(`'<=' not supported between instances of '${optionTypeName(maxWorkers)}' and 'int'`)
  }
  if (count <= 0) throw new PyValueError('max_workers must be greater than 0')
  return Math.ceil(count)
}

function groupByResource(cases) {
  const groups = new Map()
  for (const caseRow of cases) {
    const group = caseRow.get('resource_group') ?? 'default'
    if (!groups.has(group)) groups.set(group, [])
    groups.get(group).push(caseRow)
  }
  return groups
}

class Run {
  constructor(options, ctx) {
    this.options = options
    this.ctx = ctx
    this.stats = { total: 0, success: 0, failed: 0, timeout: 0, skipped: 0, threshold_violations: 0 }
    this.results = []
    this.cache = new CaseCache(ctx.fs)
    // The cache entries present (null with force, which never reads the cache).
    this.knownHashes = null
    this.pendingWrites = []
    // The batch of writes before the pending ones, not awaited yet.
    /** @type {Promise<unknown>} */
    this.previousWrites = Promise.resolve()
    this.finished = 0
  }

  detail(line) {
    if (this.options.verbose) this.ctx.log(line)
  }

  progress(caseRow) {
    this.finished += 1
    this.ctx.progress(this.finished, this.stats.total, caseRow.get('case_id'))
  }

  /** Waits for every write started so far. */
  async flushWrites() {
    const writes = [this.previousWrites, ...this.pendingWrites]
    this.pendingWrites = []
    this.previousWrites = Promise.resolve()
    await Promise.all(writes)
  }

  /** Waits for the previous batch of writes and leaves the pending ones in flight. */
  async settlePreviousWrites() {
    const previous = this.previousWrites
    this.previousWrites = Promise.all(this.pendingWrites)
    this.previousWrites.catch(() => {})
    this.pendingWrites = []
    await previous
  }

  async execute() {
    const { casesPath, metricsPath, runLogDir, dryRun } = this.options
    const startMicros = epochMicros()
    try {
      this.detail(`Loading cases from: ${casesPath}`)
      const cases = await loadCases(this.ctx.fs, casesPath)
      this.stats.total = cases.length
      if (dryRun) {
        this.ctx.log(`Dry run: ${cases.length} cases validated`)
        return 0
      }
      this.detail(`Executing ${cases.length} cases with ${optionText(this.options.maxWorkers)} workers...`)
      try {
        await this.executeCases(cases)
      } finally {
        await this.flushWrites()
      }
      this.stats.threshold_violations = countViolations(cases, this.results, (line) => this.detail(line))
      this.detail(`Writing metrics to: ${metricsPath}`)
      const csv = metricsCsv(this.results, cases)
      if (csv) await this.ctx.fs.writeText(metricsPath, csv)
      const endMicros = epochMicros()
      const runLog = runLogText({ startMicros, endMicros, casesPath, stats: this.stats })
      await this.ctx.fs.writeText(runLogPath(runLogDir, startMicros), runLog)
      for (const line of executionReportLines(this.stats)) this.ctx.log(line)
      if (this.stats.failed > 0 || this.stats.timeout > 0) return 3
      return this.stats.threshold_violations > 0 ? 2 : 0
    } catch (error) {
      if (this.ctx.signal.aborted) throw this.ctx.signal.reason
      this.ctx.log(`Fatal error: ${error.message}`)
      return 3
    }
  }

  async executeCases(cases) {
    const limit = workerLimit(this.options.maxWorkers)
    const groups = groupByResource(cases)
    this.knownHashes = this.options.force ? null : await this.cache.hashes()
    // Without a seed column the dummy backend draws from one unseeded generator, as 0.1.0
    // draws from the random module's global state.
    const unseededRandom = cases[0].has('seed') ? null : PyRandom.fromEntropy()
    for (const [name, groupCases] of groups) {
      if (groups.size > 1) this.detail(`Executing group: ${name}`)
      const toRun = []
      const toLoad = []
      for (const caseRow of groupCases) {
        const entry = { caseRow, hash: caseHash(caseRow) }
        ;(this.knownHashes?.has(entry.hash) ? toLoad : toRun).push(entry)
      }
      await this.takeCached(toLoad)
      await this.runGroup(toRun, limit, unseededRandom)
      await this.flushWrites()
    }
  }

  async takeCached(entries) {
    const loads = await Promise.allSettled(entries.map(({ hash }) => this.cache.load(hash)))
    loads.forEach((load, index) => {
      if (load.status === 'rejected') throw load.reason
      const { caseRow } = entries[index]
      this.results.push(load.value)
      this.stats.skipped += 1
      this.detail(`  Cached: ${caseRow.get('case_id')}`)
      this.progress(caseRow)
    })
  }

  async runGroup(entries, limit, unseededRandom) {
    const { failFast } = this.options
    const { signal } = this.ctx
    const caseSignals = new CaseSignals(signal)
    let stopStarting = false
    const runOne = async (index) => {
      signal.throwIfAborted()
      const caseSignal = caseSignals.open()
      try {
        return await executeCase(entries[index].caseRow, { caseSignal, unseededRandom })
      } finally {
        caseSignal.release()
      }
    }
    const pool = runLimited(entries.length, limit, runOne, {
      mayStart: () => !stopStarting,
      onSettled: (index, outcome) => {
        if (failFast && (outcome.error || outcome.value.status !== 'OK')) stopStarting = true
        this.progress(entries[index].caseRow)
      },
      signal,
    })
    try {
      for (let index = 0; index < entries.length; index++) {
        const { caseRow, hash } = entries[index]
        const outcome = await pool.outcomes[index]
        if (outcome.error) {
          if (failFast) throw outcome.error
          this.results.push(notStartedResult(caseRow))
          this.stats.failed += 1
          continue
        }
        this.record(caseRow, hash, outcome.value)
        if (failFast && outcome.value.status !== 'OK') throw new PyRuntimeError(`Case ${caseRow.get('case_id')} failed`)
        if (this.pendingWrites.length >= WRITE_BATCH) await this.settlePreviousWrites()
      }
    } catch (error) {
      // As 0.1.0's pool shutdown does, let the cases already started finish first.
      stopStarting = true
      await pool.whenIdle()
      throw error
    } finally {
      pool.release()
      caseSignals.close()
    }
  }

  record(caseRow, hash, result) {
    const caseId = caseRow.get('case_id')
    this.results.push(result)
    const write = this.cache.save(hash, result)
    // A refused write surfaces when the batch is awaited, not as an unhandled rejection.
    write.catch(() => {})
    this.pendingWrites.push(write)
    this.knownHashes?.add(hash)
    if (result.status === 'OK') {
      this.stats.success += 1
      // Formatting the exact decimal costs more than the rest of an echo case: only when it is shown.
      if (this.options.verbose) this.detail(`  ✓ ${caseId}: ${formatFixed(result.run_seconds, 3)}s`)
    } else if (result.status === 'TIMEOUT') {
      this.stats.timeout += 1
      this.detail(`  ⏱ ${caseId}: TIMEOUT`)
    } else {
      this.stats.failed += 1
      this.detail(`  ✗ ${caseId}: FAILED`)
    }
  }
}

/**
 * Runs a cases file. Resolves to { exitCode, stats } — a fatal error is exit code 3 with a
 * `Fatal error: …` log line — and rejects with the abort reason when `ctx.signal` aborts.
 */
export async function runCases(options, ctx) {
  const run = new Run(options, ctx)
  const exitCode = await run.execute()
  return { exitCode, stats: run.stats }
}
