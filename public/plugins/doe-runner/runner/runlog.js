// The run log file: `<run_log_dir>/<YYYYMMDD-HHMM>-JST-doe-runner.md`, stamped in JST.
import { jstIsoformat, jstRunLabel, timedeltaStr } from '../python/datetime.js'

/** The run log's path for a run that started at `startMicros` (µs since the epoch). */
export function runLogPath(runLogDir, startMicros) {
  const name = `${jstRunLabel(startMicros)}-doe-runner.md`
  const directory = runLogDir.replace(/\/+$/, '')
  return directory === '' || directory === '.' ? name : `${directory}/${name}`
}

/** The run log's text. */
export function runLogText({ startMicros, endMicros, casesPath, stats }) {
  return [
    '# DOE Runner Execution Log',
    '',
    `**Started:** ${jstIsoformat(startMicros)}`,
    `**Cases File:** ${casesPath}`,
    `**Total Cases:** ${stats.total}`,
    '',
    '## Summary',
    '',
    `- **Duration:** ${timedeltaStr(endMicros - startMicros)}`,
    `- **Total Cases:** ${stats.total}`,
    `- **Success:** ${stats.success}`,
    `- **Failed:** ${stats.failed}`,
    `- **Timeout:** ${stats.timeout}`,
    `- **Skipped (Cached):** ${stats.skipped}`,
    '',
  ].join('\n')
}
