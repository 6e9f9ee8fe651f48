import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { readGlobalConfigFile, readPluginConfigFile } from '../core/config/fileState'
import { pluginConfig } from '../core/config/merge'
import type { ConfigFileState, ConfigIssue, GlobalConfig } from '../core/config/types'

/**
 * The configuration files of the Python tools, `~/.strataregula/config.yaml` and `<plugin>.yaml`, read as the
 * playground reads their browser copies: a file that cannot be read runs on defaults, its problems reported.
 */
export class HomeConfig {
  private readonly folder: string
  readonly problems: string[] = []
  private readonly global: ConfigFileState<GlobalConfig>
  private readonly globalText: string | null

  constructor(home = homedir()) {
    this.folder = join(home, '.strataregula')
    this.globalText = this.read('config.yaml')
    this.global = readGlobalConfigFile(this.globalText)
    this.report('config.yaml', this.global.errors)
  }

  /** A plugin's `ctx.config`: `plugins.<name>` of config.yaml overlaid with `<name>.yaml`. */
  pluginConfig(name: string): Record<string, unknown> {
    const file = readPluginConfigFile(name, this.read(`${name}.yaml`))
    this.report(`${name}.yaml`, file.errors)
    return pluginConfig(this.global.value, file.stored ? file.value : null, name)
  }

  /** The files a Python plugin finds in its `~/.strataregula/`, by name: config.yaml and `<name>.yaml`, those that exist. */
  texts(name: string): Record<string, string> {
    const texts: Record<string, string> = {}
    const own = this.read(`${name}.yaml`)
    if (this.globalText !== null) texts['config.yaml'] = this.globalText
    if (own !== null) texts[`${name}.yaml`] = own
    return texts
  }

  private read(fileName: string): string | null {
    try {
      return readFileSync(join(this.folder, fileName), 'utf8')
    } catch {
      return null
    }
  }

  private report(fileName: string, errors: readonly ConfigIssue[]): void {
    for (const error of errors) {
      const where = error.line === undefined ? '' : ` (line ${error.line}, column ${error.column})`
      this.problems.push(`~/.strataregula/${fileName}${where}: ${error.message}; using defaults in its place`)
    }
  }
}
