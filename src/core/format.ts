export const KiB = 1024
export const MiB = 1024 * KiB
export const GiB = 1024 * MiB

const UNITS: Array<[size: number, name: string]> = [
  [GiB, 'GiB'],
  [MiB, 'MiB'],
  [KiB, 'KiB'],
]

// A fixed locale: messages reach plugins and tests as text, which must not depend on the browser's language.
const counts = new Intl.NumberFormat('en-US')

/**
 * A byte count for people: `512 B`, `1.5 KiB`, `12.0 MiB`. Rounded up, so a size over a limit never reads
 * as equal to it.
 */
export function formatSize(bytes: number, fractionDigits = 1): string {
  const unit = UNITS.find(([size]) => bytes >= size)
  if (!unit) return `${bytes} B`
  const [size, name] = unit
  const scale = 10 ** fractionDigits
  return `${(Math.ceil((bytes * scale) / size) / scale).toFixed(fractionDigits)} ${name}`
}

/** A limit in bytes, a round number of its unit: `10 MiB`. */
export function formatLimit(bytes: number): string {
  return formatSize(bytes, 0)
}

/** A count with thousands separators: `20,000`. */
export function formatCount(count: number): string {
  return counts.format(count)
}

/** A count and what it counts: `1 file`, `20,000 files`. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`
}
