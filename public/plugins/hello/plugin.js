// A minimal Strataregula plugin: a plain ES module, as a third party would publish it.

export class HelloPlugin {
  get_info() {
    return {
      name: 'hello',
      version: '1.2.0',
      description: 'Says hello: the smallest useful Strataregula plugin',
      author: 'Strataregula Playground',
      supported_commands: ['greet', 'count'],
      // Optional help for the Execute panel: what each command does and the arguments it takes.
      commands: {
        greet: {
          description: 'Greets someone',
          arguments: { who: { description: 'Whom to greet', required: false, default: 'world', example: 'Ada' } },
          example: { who: 'Ada' },
        },
        count: {
          description: 'Counts to a number, one step at a time, with progress',
          arguments: {
            to: { description: 'The last number', required: false, default: 10 },
            interval_ms: { description: 'Milliseconds between steps', required: false, default: 100 },
          },
          example: { to: 10, interval_ms: 100 },
        },
      },
    }
  }

  greet(kwargs, ctx) {
    const who = kwargs.who ?? 'world'
    ctx?.log(`greeting ${who}`)
    return { status: 'success', greeting: `Hello, ${who}!` }
  }

  /** Counts to `to`, one step every `interval_ms`, reporting progress and stopping when cancelled. */
  async count(kwargs, ctx) {
    const to = Number(kwargs.to ?? 10)
    const intervalMs = Number(kwargs.interval_ms ?? 100)
    for (let step = 1; step <= to; step++) {
      await sleep(intervalMs, ctx.signal)
      ctx.log(`step ${step}`)
      ctx.progress(step, to)
    }
    return { status: 'success', counted: to }
  }

  health_check() {
    return { healthy: true, greetings_available: true }
  }
}

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(signal.reason)
      },
      { once: true },
    )
  })
}
