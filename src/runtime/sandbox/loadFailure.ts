/** A load failure whose message is already the reason shown after `Failed to load plugin <name>: `. */
export class LoadFailure extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LoadFailure'
  }
}
