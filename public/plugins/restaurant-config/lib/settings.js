// Command arguments and the plugin's configuration keys (default_format, validation_strict).

import { CommandError } from './command-error.js'

const FORMATS = ['yaml', 'json']

export function requiredPath(kwargs, name) {
  const value = kwargs[name]
  if (value === undefined || value === null || value === '') throw new CommandError(`${name} is required`)
  if (typeof value !== 'string') throw new CommandError(`${name} must be a string`)
  return value
}

/** `strict` from the arguments, else config `validation_strict`, else true. */
export function strictSetting(kwargs, config = {}) {
  if (kwargs.strict !== undefined) return booleanSetting(kwargs.strict, 'strict')
  if (config.validation_strict !== undefined) return booleanSetting(config.validation_strict, 'config validation_strict')
  return true
}

/** `{format, source}`: `format` from the arguments, else config `default_format`, else yaml. */
export function formatSetting(kwargs, config = {}) {
  if (kwargs.format !== undefined) return { format: formatName(kwargs.format, 'format'), source: 'argument' }
  if (config.default_format !== undefined) {
    return { format: formatName(config.default_format, 'config default_format'), source: 'config' }
  }
  return { format: 'yaml', source: 'default' }
}

function booleanSetting(value, name) {
  if (typeof value !== 'boolean') throw new CommandError(`${name} must be true or false`)
  return value
}

function formatName(value, name) {
  const format = typeof value === 'string' ? value.toLowerCase() : value
  if (!FORMATS.includes(format)) throw new CommandError(`${name} must be "yaml" or "json"`)
  return format
}
