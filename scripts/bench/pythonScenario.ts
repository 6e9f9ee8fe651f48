import { formatMiB, formatMs, tableLines } from './format'
import { measurePythonCost } from './pythonCost'
import type { Scenario } from './scenario'

export const pythonCostScenario: Scenario = {
  name: 'python-cost',
  async run(context) {
    const cost = await measurePythonCost((await context.app()).url)
    console.log('Python plugins: the bundled hello_py and pattern_expander, CPython in WebAssembly, one sandbox for their manifest')
    const rows = [
      ['listed: runtime requests', 'cold start', 'first greet', 'warm greet', 'one sandbox, Chromium RSS', 'second plugin: load', 'second plugin: RSS'],
      [
        String(cost.runtimeRequestsWhileListed),
        formatMs(cost.coldStartMs),
        formatMs(cost.firstCallMs),
        formatMs(cost.warmCallMs),
        formatMiB(cost.sandboxRssBytes),
        formatMs(cost.secondPluginLoadMs),
        formatMiB(cost.secondPluginRssBytes),
      ],
    ]
    console.log(tableLines(rows, 'rrrrrrr').join('\n'))
    console.log('  listed: requests of the Python runtime once the bundled registry is listed and auto-loaded (must be 0)')
    console.log('  cold start: Load pressed to Loaded; greet: Run pressed to the run ending on screen; second plugin: loaded into the same Python')
    if (cost.runtimeRequestsWhileListed > 0)
      throw new Error(`listing the bundled registry started Python (${cost.runtimeRequestsWhileListed} runtime requests)`)
    return cost
  },
}
