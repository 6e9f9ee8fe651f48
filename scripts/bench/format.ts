// How the benchmarks print numbers and tables.
const MiB = 1024 * 1024

export const formatSeconds = (seconds: number) => `${seconds.toFixed(3)} s`
export const formatMs = (ms: number) => `${ms.toFixed(1)} ms`
export const formatMiB = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`
export const formatKiB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
export const formatRatio = (ratio: number) => `${ratio.toFixed(2)} ×`

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * The rows as lines of aligned columns, indented by two spaces. `align` has one letter per column:
 * `l` pads on the right, `r` on the left (for numbers).
 */
export function tableLines(rows: string[][], align: string): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)))
  return rows.map(
    (row) =>
      '  ' +
      row
        .map((cell, column) => (align[column] === 'r' ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
        .join('   ')
        .trimEnd(),
  )
}
