import { measureBundleSizes } from './bundleSize'
import { formatKiB, tableLines } from './format'
import type { Scenario } from './scenario'

/** The budget for the first load, gzipped. */
const FIRST_LOAD_BUDGET_BYTES = 60 * 1024

export const bundleSizesScenario: Scenario = {
  name: 'bundle-sizes',
  async run(context) {
    const sizes = await measureBundleSizes((await context.app()).outDir)
    console.log('Bundle sizes (gzipped JavaScript of the production build)')
    const rows = [
      ['part', 'size', 'floor', 'files'],
      [
        'first load: index.html and its static imports',
        formatKiB(sizes.initialGzipBytes),
        `budget ${formatKiB(FIRST_LOAD_BUDGET_BYTES)}`,
        String(sizes.initialFiles.length),
      ],
      ['loaded when needed', formatKiB(sizes.lazyGzipBytes), '', String(sizes.lazyFiles)],
    ]
    console.log(tableLines(rows, 'lrrr').join('\n'))
    return sizes
  },
}
