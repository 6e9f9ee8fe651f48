/** Default time limits (ms); a run can choose its own. */
export const TIME_LIMITS = {
  load: 5_000,
  /** A Python plugin's load: download and start the runtime, install the wheels, then as `load`. */
  pythonLoad: 120_000,
  health: 5_000,
  call: 60_000,
  /** From asking a sandbox for a load to its worker starting on it: the frame and worker starting up, other plugins queued before it. */
  sandboxStart: 30_000,
} as const

/** How long a cancelled or timed-out call may take to stop by itself before its worker is terminated. */
export const ABORT_GRACE_MS = 300
