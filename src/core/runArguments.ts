import { parseConfigText } from './config/parse'

export type ParsedArguments = { ok: true; kwargs: Record<string, unknown> } | { ok: false; error: string }

/**
 * Parses the Arguments text of a run — YAML or JSON, the browser form of the CLI's `--config` file, read
 * with the same safe reader as the configuration files — into the keyword arguments a command receives.
 * Any problem refuses the run: arguments are never half-used.
 */
export function parseRunArguments(text: string): ParsedArguments {
  const parsed = parseConfigText(text)
  const [first] = parsed.errors
  if (first) {
    const where = first.line === undefined ? '' : ` at line ${first.line}, column ${first.column}`
    return { ok: false, error: `Invalid arguments${where}: ${first.message}` }
  }
  return { ok: true, kwargs: parsed.value ?? {} }
}
