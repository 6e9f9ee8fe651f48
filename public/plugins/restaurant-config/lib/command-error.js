// The failures a command answers with `{status: 'error', message}` instead of throwing: bad arguments
// and files that cannot be read or parsed. Anything else is a bug and is left to the host to report.

export class CommandError extends Error {
  /** `details` are extra fields of the error result, such as the line and column of a syntax error. */
  constructor(message, details = {}) {
    super(message)
    this.name = 'CommandError'
    this.details = details
  }
}

/** Wraps a command so that a CommandError becomes its error result; `kwargs` may be omitted. */
export function command(run) {
  return async (kwargs, ctx) => {
    try {
      return await run(kwargs ?? {}, ctx)
    } catch (error) {
      if (error instanceof CommandError) return { status: 'error', message: error.message, ...error.details }
      throw error
    }
  }
}
