// Commands that compute from a configuration need one that validates; they refuse anything else.

import { CommandError } from './command-error.js'
import { readConfigFile } from './config-file.js'
import { describeIssue, validateConfigData } from './validation.js'

/** The parsed data of a configuration without errors (unknown keys are tolerated, as when not strict). */
export async function readValidConfig(fs, path) {
  const file = await readConfigFile(fs, path)
  const { errors } = validateConfigData(file.data, { strict: false, lineOf: file.lineOf })
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''
    throw new CommandError(`${path} is not a valid restaurant configuration: ${describeIssue(errors[0])}${more}; run validate_config to see every error`)
  }
  return file.data
}
