/** A workspace refusal as plugins see it: the error's `code` and message. */
export interface Refusal {
  code: unknown
  message: string
}

/** How `action` fails, whether it throws or returns a promise that rejects; fails the test when it succeeds. */
export async function refusal(action: () => unknown): Promise<Refusal> {
  try {
    await action()
  } catch (error) {
    if (!(error instanceof Error)) throw new Error(`expected an Error, got ${String(error)}`)
    return { code: (error as { code?: unknown }).code, message: error.message }
  }
  throw new Error('expected a refusal')
}
