/** A location in a configuration value: mapping keys and list indexes, outermost first. */
export type ConfigPath = readonly (string | number)[]

/** A YAML mapping as read from a file: plain object, string keys. */
export type ConfigMapping = Record<string, unknown>

/** A problem shown to the user; `line` and `column` (1-based) are absent when it concerns the whole file. */
export interface ConfigIssue {
  message: string
  line?: number
  column?: number
}

/** A problem found in a parsed value, before it is placed in the text. `message` already names the path. */
export interface PathIssue {
  path: ConfigPath
  message: string
}

/** `discovery` of `config.yaml` (spec §3, §5). */
export interface DiscoveryConfig {
  auto_load: boolean
  plugin_paths: string[]
  /** Origins, normalised (`https://example.org`). */
  trusted_sources: string[]
}

/** The effective `config.yaml`: defaults merged with the file. */
export interface GlobalConfig {
  plugins: Record<string, ConfigMapping>
  discovery: DiscoveryConfig
}

/** What the UI needs about one configuration file. */
export interface ConfigFileState<Value> {
  key: string
  /** The stored text as written, or the text a save would write when nothing is stored. */
  text: string
  stored: boolean
  /** The effective value: what the app runs on, defaults wherever the file is unusable. */
  value: Value
  errors: ConfigIssue[]
  warnings: ConfigIssue[]
}
