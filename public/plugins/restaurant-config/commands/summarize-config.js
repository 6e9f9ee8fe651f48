import { command } from '../lib/command-error.js'
import { requiredPath } from '../lib/settings.js'
import { summarizeConfig as summarize } from '../lib/summary.js'
import { readValidConfig } from '../lib/valid-config.js'

/** summarize_config({config_path}) → tables, seats, menu_items, price_range, weekly_open_hours, ... */
export const summarizeConfig = command(async (kwargs, ctx) => {
  const config = await readValidConfig(ctx.fs, requiredPath(kwargs, 'config_path'))
  const summary = summarize(config)
  ctx.log(`${summary.name}: ${summary.tables} tables, ${summary.seats} seats, ${summary.menu_items} menu items, open ${summary.weekly_open_hours} h a week`)
  return { status: 'success', ...summary }
})
