// The shell backend: expand the template, run it in the built-in /bin/sh, read the metrics.
import { plusOne } from '../python/operators.js'
import { parseMetrics } from './parseOutput.js'
import { runShell } from '../shell/shell.js'

/**
 * Replaces each `{key}` of the case (except cmd_template) by its value, one column at a time
 * in header order, so a value holding a later column's placeholder is expanded again.
 */
export function expandTemplate(template, caseRow) {
  let command = template
  caseRow.forEach((value, key) => {
    if (key === 'cmd_template') return
    const placeholder = `{${key}}`
    if (command.includes(placeholder)) command = command.split(placeholder).join(value)
  })
  return command
}

export const shellAdapter = {
  description: 'Runs cmd_template in the built-in /bin/sh (dash-like, emulated) and parses metrics from its output',

  async run(caseRow, limits) {
    const command = expandTemplate(caseRow.get('cmd_template'), caseRow)
    const { stdout, stderr, exitCode } = await runShell(command, limits)
    const metrics = parseMetrics(stdout + stderr)
    if (exitCode !== 0) metrics.errors = plusOne(metrics.errors)
    return metrics
  },
}
