import type { PreviewServer } from './previewServer'

/** What a scenario may use: the app, built and served once for the whole suite, on first request. */
export interface BenchContext {
  app(): Promise<PreviewServer>
}

export interface Scenario {
  name: string
  /** Measures, prints its table, and returns the figures to keep as JSON. */
  run(context: BenchContext): Promise<unknown>
}
