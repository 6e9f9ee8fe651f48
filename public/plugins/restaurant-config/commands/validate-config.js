import { command } from '../lib/command-error.js'
import { readConfigFile } from '../lib/config-file.js'
import { requiredPath, strictSetting } from '../lib/settings.js'
import { describeIssue, validateConfigData } from '../lib/validation.js'

/** validate_config({config_path, strict?}) → {valid, errors, warnings, strict} */
export const validateConfig = command(async (kwargs, ctx) => {
  const configPath = requiredPath(kwargs, 'config_path')
  const strict = strictSetting(kwargs, ctx.config)
  const file = await readConfigFile(ctx.fs, configPath)
  const { valid, errors, warnings } = validateConfigData(file.data, { strict, lineOf: file.lineOf })
  for (const error of errors) ctx.log(`error: ${describeIssue(error)}`)
  for (const warning of warnings) ctx.log(`warning: ${describeIssue(warning)}`)
  ctx.log(`${configPath}: ${valid ? 'valid' : 'not valid'}, ${count(errors.length, 'error')}, ${count(warnings.length, 'warning')}`)
  return { status: 'success', valid, errors, warnings, strict }
})

function count(number, noun) {
  return `${number} ${noun}${number === 1 ? '' : 's'}`
}
