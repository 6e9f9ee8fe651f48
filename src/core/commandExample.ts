import { stringify } from 'yaml'
import type { CommandHelp } from './pluginContract'

/** The Arguments text a command's form starts from: its example as YAML, or nothing. */
export function exampleArgumentsText(help: CommandHelp | undefined): string {
  return help?.example && Object.keys(help.example).length > 0 ? stringify(help.example, { version: '1.1' }) : ''
}
