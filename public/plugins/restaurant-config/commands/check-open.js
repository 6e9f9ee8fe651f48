import { command } from '../lib/command-error.js'
import { parseDateTime } from '../lib/date-time-text.js'
import { openingStateAt } from '../lib/opening-state.js'
import { requiredPath } from '../lib/settings.js'
import { formatInZone, instantFromWallClock } from '../lib/time-zone.js'
import { readValidConfig } from '../lib/valid-config.js'

/**
 * check_open({config_path, at?}) → {open, next_change, at, timezone, range?, closure?}. `at` without an
 * offset is a wall-clock time in the restaurant's time zone; without `at`, the current time is used.
 */
export const checkOpen = command(async (kwargs, ctx) => {
  const configPath = requiredPath(kwargs, 'config_path')
  const at = kwargs.at === undefined ? null : parseDateTime(kwargs.at, 'at')
  const config = await readValidConfig(ctx.fs, configPath)
  const timeZone = config.restaurant.timezone
  const instant = at === null ? Date.now() : instantOf(at, timeZone)
  const { open, nextChange, range, closure } = openingStateAt(config, instant)
  const result = {
    status: 'success',
    open,
    next_change: nextChange === null ? null : formatInZone(nextChange, timeZone),
    at: formatInZone(instant, timeZone),
    timezone: timeZone,
    ...(range && { range }),
    ...(closure && { closure }),
  }
  const until = result.next_change ? ` until ${result.next_change}` : ''
  ctx.log(`${config.restaurant.name} is ${open ? 'open' : 'closed'} at ${result.at}${until}`)
  return result
})

function instantOf({ wallClock, offset }, timeZone) {
  return offset === null ? instantFromWallClock(wallClock, timeZone) : wallClock - offset
}
