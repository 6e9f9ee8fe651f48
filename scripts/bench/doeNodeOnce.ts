// One DOE Runner run of generated shell-echo cases in this fresh Node process, the plugin just imported, as a
// fresh sandbox worker runs it: `tsx scripts/bench/doeNodeOnce.ts <cases> <max_workers>` prints its seconds.
import { echoCasesCsv, timedNodeRun } from './doeCases'

const [count, maxWorkers] = process.argv.slice(2).map(Number)
console.log(await timedNodeRun(echoCasesCsv(count), maxWorkers))
