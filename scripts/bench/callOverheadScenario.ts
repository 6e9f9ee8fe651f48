import { measureCallOverhead } from './callOverhead'
import { formatMs, formatRatio, tableLines } from './format'
import type { Scenario } from './scenario'

export const callOverheadScenario: Scenario = {
  name: 'call-overhead',
  async run(context) {
    const overhead = await measureCallOverhead((await context.app()).url)
    console.log("Call overhead: a trivial command from the Execute panel (as it reports the call's time), against a raw postMessage echo")
    const rows = [
      ['call', 'time', 'floor', 'call/floor'],
      ['cold: the sandbox starts and loads the plugin', formatMs(overhead.coldMs), formatMs(overhead.echoMs), formatRatio(overhead.coldMs / overhead.echoMs)],
      ['warm: median of the next calls', formatMs(overhead.warmMs), formatMs(overhead.echoMs), formatRatio(overhead.warmMs / overhead.echoMs)],
    ]
    console.log(tableLines(rows, 'lrrr').join('\n'))
    console.log('  the panel reports whole milliseconds; the floor is the mean round trip to a bare worker echoing the message')
    return overhead
  },
}
