import { jsonSafe } from '../core/jsonSafe'
import { readCommandHelp } from '../core/commandHelp'
import type { PluginInfo } from '../core/pluginContract'
import { isPlainObject } from '../core/plainObject'
import type { HealthReport, LoadedPlugin } from './protocol'

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

/**
 * A load reply's value when it describes a plugin as the runtime does; undefined otherwise. The optional
 * command help is checked here: malformed entries are dropped and noted, the plugin still loads.
 */
export function parseLoadedPlugin(value: unknown): LoadedPlugin | undefined {
  if (!isPlainObject(value) || !isPlainObject(value.info)) return undefined
  const { info, commands } = value
  if (!isNonEmptyString(info.name) || !isNonEmptyString(info.version)) return undefined
  if (!Array.isArray(commands) || !commands.every((command) => typeof command === 'string')) return undefined
  const safe = jsonSafe(info) as PluginInfo
  if (safe.commands === undefined) return { info: safe, commands }
  const { help, notes } = readCommandHelp(safe.commands, commands)
  return { info: { ...safe, commands: help }, commands, notes }
}

/** A health reply's value when it has the shape of a health report; undefined otherwise. */
export function parseHealthReport(value: unknown): HealthReport | undefined {
  if (!isPlainObject(value)) return undefined
  if (value.healthy === true) {
    return isNonEmptyString(value.name) && isNonEmptyString(value.version)
      ? { ...(jsonSafe(value) as Record<string, unknown>), healthy: true, name: value.name, version: value.version }
      : undefined
  }
  return value.healthy === false && typeof value.error === 'string' ? { healthy: false, error: value.error } : undefined
}
