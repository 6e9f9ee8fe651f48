/** A command may run for a day at most: beyond that a browser timer would overflow anyway. */
export const MAX_RUN_SECONDS = 86_400
export const MIN_RUN_SECONDS = 0.1

/** The time limit of a run in ms from the seconds typed in the form, clamped; unusable input gives the default. */
export function runTimeLimitMs(seconds: number, defaultMs: number): number {
  if (!Number.isFinite(seconds)) return defaultMs
  return Math.round(Math.min(Math.max(seconds, MIN_RUN_SECONDS), MAX_RUN_SECONDS) * 1000)
}
