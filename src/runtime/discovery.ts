import type { ModulePluginEntry } from '../core/manifest/types'
import { networkPolicyKey, networkPolicyOf } from '../core/networkPolicy'
import { WorkerChannel } from './channel'
import { moduleLoadRequest, requestLoad } from './loadRequest'
import type { LoadedPlugin, LoadStage } from './protocol'
import type { PoolMember, SandboxPool } from './sandboxPool'
import type { StartWorker } from './sandboxSession'
import { TIME_LIMITS } from './timeLimits'
import { nextTask } from '../core/taskSlices'

/**
 * How many plugins one discovery sandbox describes: what one hung or hostile plugin can delay. Each sandbox
 * costs its start-up: 1,000 plugins listed in 2 batches took 0.7–1.2 s less than in 10.
 */
export const DISCOVERY_BATCH_SIZE = 500
/** Discovery sandboxes at work at once: importing is mostly parsing, so more than the cores only adds overhead. */
export const DISCOVERY_SANDBOXES = 2
/**
 * How often what a discovery sandbox found is reported: a page listing 1,000 plugins redraws a few times a
 * second, not once per plugin, and leaves the main thread to the user meanwhile.
 */
export const DISCOVERY_REPORT_MS = 250
/**
 * How long a discovery sandbox at work may leave a ping unanswered: past it, plugin code blocks its worker (a
 * loop in a module, a constructor or `get_info()`), and every plugin of the batch still waiting would only
 * wait for its own load limit. Well below that limit, so that one hung plugin delays its batch little.
 */
export const DISCOVERY_HANG_MS = 1_500
/** The pause between two pings of a discovery sandbox at work. */
const PING_INTERVAL_MS = 250

export interface Discovered {
  entry: ModulePluginEntry
  loaded: LoadedPlugin
}

export interface DiscoveryOptions {
  pool: SandboxPool
  startWorker: StartWorker
  /** Plugins a discovery sandbox described, in groups. */
  onDiscovered(found: Discovered[]): void
  /** Loads a plugin in a sandbox of its own: for every plugin that discovery could not vouch for. */
  loadAlone(entry: ModulePluginEntry): Promise<void>
  batchSize?: number
}

/**
 * Lists many plugins fast: those whose modules share an origin (one publisher, one trust decision) are
 * imported together in short-lived discovery sandboxes, in batches, which keep nothing but what `get_info()`
 * answered: no plugin object survives, no `ctx`, no commands. A plugin gets its own sandbox when it is used,
 * which loads it again and re-checks its info there. Anything but a clean description (a failure, a time
 * limit, a sandbox that dies) is never taken as the plugin's verdict: it is loaded alone, so one broken
 * plugin cannot fail or falsify the listing of others. A sandbox that a plugin blocks is given up on within
 * DISCOVERY_HANG_MS, and the plugins it left waiting are discovered again without that plugin.
 */
export async function discoverPlugins(entries: readonly ModulePluginEntry[], options: DiscoveryOptions): Promise<void> {
  const batches = batchesByNetworkPolicy(entries, options.batchSize ?? DISCOVERY_BATCH_SIZE)
  const alone: Promise<void>[] = []
  const loadAlone = (entry: ModulePluginEntry) => alone.push(options.loadAlone(entry))
  await forEachAtMost(DISCOVERY_SANDBOXES, batches, (batch) => discoverBatch(batch, options, loadAlone))
  await Promise.all(alone)
}

/**
 * The entries in batches of at most `size`, in their order, each batch of plugins that may reach the same
 * origins (so one module origin, one trust decision): a batch shares one sandbox and so one network policy.
 */
export function batchesByNetworkPolicy(entries: readonly ModulePluginEntry[], size: number): ModulePluginEntry[][] {
  const groups = new Map<string, ModulePluginEntry[]>()
  // The plugins of one manifest mostly share their module origin and `connect`: their policy is made once.
  const policyKeys = new Map<string, string>()
  for (const entry of entries) {
    const moduleOrigin = new URL(entry.moduleUrl).origin
    const sameSources = `${entry.moduleUrl.startsWith('data:')} ${moduleOrigin} ${entry.manifestUrl} ${entry.connect?.join(' ')}`
    let policyKey = policyKeys.get(sameSources)
    if (policyKey === undefined) policyKeys.set(sameSources, (policyKey = networkPolicyKey(networkPolicyOf(entry))))
    const key = `${moduleOrigin} ${policyKey}`
    const group = groups.get(key)
    if (group) group.push(entry)
    else groups.set(key, [entry])
  }
  const batches: ModulePluginEntry[][] = []
  for (const group of groups.values()) {
    for (let start = 0; start < group.length; start += size) batches.push(group.slice(start, start + size))
  }
  return batches
}

async function forEachAtMost<T>(concurrency: number, items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const runner = async () => {
    while (next < items.length) await work(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, runner))
}

/** A discovery sandbox counts in the pool like any sandbox, and is never retired: it ends by itself. */
function discoveryMember(): PoolMember {
  return { weight: 1, isBusy: true, retire: () => undefined }
}

async function discoverBatch(batch: ModulePluginEntry[], options: DiscoveryOptions, loadAlone: (entry: ModulePluginEntry) => void): Promise<void> {
  // Each batch sets up its sandbox and its requests in a task of its own, never several in one.
  await nextTask()
  const member = discoveryMember()
  await options.pool.admit(member)
  let channel: WorkerChannel
  try {
    const name = `discovery of ${batch.length} plugins from ${new URL(batch[0].moduleUrl).origin}`
    channel = new WorkerChannel(await options.startWorker(name, networkPolicyOf(batch[0])))
  } catch {
    options.pool.leave(member)
    batch.forEach(loadAlone)
    return
  }
  const reporter = new BatchedReport(options.onDiscovered)
  const waiting = new Set(batch)
  const watch = watchForHang(channel)
  /** The plugin that began a stage last: the one a worker that stopped answering is stuck in. */
  let lastBegun: { entry: ModulePluginEntry; stage: LoadStage } | undefined
  let gaveUp = false
  const described = Promise.all(
    batch.map((entry) =>
      requestLoad(channel, moduleLoadRequest('describe', entry), TIME_LIMITS.load, (stage) => {
        lastBegun = { entry, stage }
        watch.start()
      }).then(
        (loaded) => {
          waiting.delete(entry)
          reporter.add({ entry, loaded })
        },
        () => {
          if (gaveUp) return
          waiting.delete(entry)
          loadAlone(entry)
        },
      ),
    ),
  )
  gaveUp = await Promise.race([described.then(() => false), watch.hung.then(() => true)])
  watch.stop()
  channel.close(gaveUp ? 'the discovery sandbox stopped answering' : 'discovery is over')
  options.pool.leave(member)
  reporter.flush()
  if (gaveUp) await discoverAfterHang([...waiting], lastBegun, options, loadAlone)
}

/**
 * The plugins a hung discovery sandbox left waiting. Stuck in a constructor or `get_info()`, the plugin that
 * began that stage last is the one: it is loaded alone (its own sandbox gives its verdict) and the others
 * are discovered again together. Stuck while modules were being imported, which one hangs is not known:
 * the waiting plugins are discovered again in halves, until the one that hangs is alone.
 */
async function discoverAfterHang(
  waiting: ModulePluginEntry[],
  lastBegun: { entry: ModulePluginEntry; stage: LoadStage } | undefined,
  options: DiscoveryOptions,
  loadAlone: (entry: ModulePluginEntry) => void,
): Promise<void> {
  const culprit = lastBegun && lastBegun.stage !== 'import' && waiting.includes(lastBegun.entry) ? lastBegun.entry : undefined
  if (culprit) loadAlone(culprit)
  const others = waiting.filter((entry) => entry !== culprit)
  if (others.length === 0) return
  if (culprit) return discoverBatch(others, options, loadAlone)
  if (others.length === 1) return loadAlone(others[0])
  const half = Math.ceil(others.length / 2)
  await Promise.all([others.slice(0, half), others.slice(half)].map((part) => discoverBatch(part, options, loadAlone)))
}

/** Pings a discovery sandbox once it is at work (`start`); `hung` settles when a ping goes unanswered for DISCOVERY_HANG_MS. */
function watchForHang(channel: WorkerChannel): { hung: Promise<void>; start(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  let declareHung!: () => void
  const hung = new Promise<void>((resolve) => (declareHung = resolve))
  const ping = () => {
    timer = setTimeout(declareHung, DISCOVERY_HANG_MS)
    // A discovery sandbox keeps no plugin: it answers a health request at once, unless its worker is blocked.
    channel.request({ type: 'health' }).reply.then(
      () => {
        if (stopped) return
        clearTimeout(timer)
        timer = setTimeout(ping, PING_INTERVAL_MS)
      },
      () => undefined,
    )
  }
  return {
    hung,
    start: () => {
      if (timer === undefined && !stopped) ping()
    },
    stop: () => {
      stopped = true
      clearTimeout(timer)
    },
  }
}

class BatchedReport {
  private found: Discovered[] = []
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly report: (found: Discovered[]) => void) {}

  add(discovered: Discovered): void {
    this.found.push(discovered)
    this.timer ??= setTimeout(() => this.flush(), DISCOVERY_REPORT_MS)
  }

  flush(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.found.length === 0) return
    const found = this.found
    this.found = []
    this.report(found)
  }
}
