// The performance suite's scenarios, run in this order by `npm run bench` (or by name: `npm run bench -- <name>`).
// A scenario measures, prints a table beside its floors and returns what goes into bench/results/<name>.json.
// Add one with a line below.
import type { Scenario } from './scenario'
import { bundleSizesScenario } from './bundleScenario'
import { callOverheadScenario } from './callOverheadScenario'
import { doePageScenario } from './doePageScenario'
import { doeVsSrdScenario } from './doeScenario'
import { pythonCostScenario } from './pythonScenario'
import { registryScaleScenario } from './registryScaleScenario'

export const SCENARIOS: Scenario[] = [bundleSizesScenario, registryScaleScenario, callOverheadScenario, doeVsSrdScenario, doePageScenario, pythonCostScenario]
