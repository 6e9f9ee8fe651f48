import type { ModulePluginEntry } from '../core/manifest/types'
import { networkPolicyKey, networkPolicyOf } from '../core/networkPolicy'
import { WorkerChannel } from './channel'
import { moduleLoadRequest, requestLoad } from './loadRequest'
import type { LoadedPlugin } from './protocol'
import type { PoolMember, SandboxPool } from './sandboxPool'
import type { StartWorker } from './sandboxSession'
import { TIME_LIMITS } from './timeLimits'

/** How many plugins one discovery sandbox describes: what one hung or hostile plugin can delay. */
export const DISCOVERY_BATCH_SIZE = 100
/** Discovery sandboxes at work at once: importing is mostly parsing, so more than the cores only adds overhead. */
export const DISCOVERY_SANDBOXES = 2
/** How often what a discovery sandbox found is reported, so that a page redraws a few times, not once per plugin. */
export const DISCOVERY_REPORT_MS = 50

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
 * plugin cannot fail or falsify the listing of others.
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
  for (const entry of entries) {
    const key = `${new URL(entry.moduleUrl).origin} ${networkPolicyKey(networkPolicyOf(entry))}`
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
  await Promise.all(
    batch.map((entry) =>
      requestLoad(channel, moduleLoadRequest('describe', entry), TIME_LIMITS.load).then(
        (loaded) => reporter.add({ entry, loaded }),
        () => loadAlone(entry),
      ),
    ),
  )
  channel.close('discovery is over')
  options.pool.leave(member)
  reporter.flush()
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
