import { childPath } from '../manifest/jsonPath'
import type { ConfigPath, PathIssue } from './types'

/** `['discovery', 'plugin_paths', 1]` → `discovery.plugin_paths[1]`; keys that are not plain are quoted. */
export function formatPath(path: ConfigPath): string {
  return path.reduce<string>((text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : childPath(text, segment)), '')
}

export function pathIssue(path: ConfigPath, problem: string): PathIssue {
  return { path, message: `${formatPath(path)}: ${problem}` }
}
