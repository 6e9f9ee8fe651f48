/** A load that failed, with the reason to show after `Failed to load plugin <name>: `. */
export class PluginLoadError extends Error {
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'PluginLoadError'
  }
}
