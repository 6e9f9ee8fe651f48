import { formatMiB, formatMs, formatRatio, tableLines } from './format'
import { measureRegistryScale, type RegistryScale } from './registryScale'
import type { Scenario } from './scenario'

const PLUGIN_COUNTS = [1, 10, 200, 1_000]

export const registryScaleScenario: Scenario = {
  name: 'registry-scale',
  async run(context) {
    const { url } = await context.app()
    const results: RegistryScale[] = []
    for (const count of PLUGIN_COUNTS) results.push(await measureRegistryScale(url, count))
    console.log('Registry scale: N generated plugins on a second origin, auto_load on; floor: one bare worker imports them and calls get_info()')
    const workersHeap = (result: RegistryScale) => result.workerHeapBytes.reduce((total, bytes) => total + bytes, 0)
    const rows = [
      ['plugins', 'all loaded', 'floor', 'page/floor', 'longest task', 'frames', 'workers', 'page heap', "workers' heap", 'Chromium RSS'],
      ...results.map((result) => [
        String(result.plugins),
        formatMs(result.loadMs),
        formatMs(result.floorMs),
        formatRatio(result.loadMs / result.floorMs),
        formatMs(result.longestTaskMs),
        String(result.liveFrames),
        String(result.liveWorkers),
        formatMiB(result.pageHeapBytes),
        formatMiB(workersHeap(result)),
        formatMiB(result.processesRssBytes),
      ]),
    ]
    console.log(tableLines(rows, 'rrrrrrrrrr').join('\n'))
    console.log('  all loaded: from the manifest’s arrival to the frame showing every plugin Loaded; frames and workers: alive after that')
    return results
  },
}
