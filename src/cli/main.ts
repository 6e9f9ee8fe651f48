import { checkHealth, EXIT, executeCommand, listPlugins, type Output } from './commands'
import { HeadlessRegistry } from './headlessRegistry'
import { BUNDLED_REGISTRY, registryUrl } from './registries'
import { parseInvocation, USAGE, UsageError } from './usage'

/** The headless runner (spec §9): `list`, `health` and `execute` over the playground's own host. Returns the exit code. */
export async function runCli(argv: string[], output: Output, cwd: string): Promise<number> {
  let registry: HeadlessRegistry | undefined
  try {
    const invocation = parseInvocation(argv)
    if (invocation.command === 'help') {
      output.out(USAGE)
      return EXIT.ok
    }
    const urls = invocation.registries.length > 0 ? invocation.registries.map((value) => registryUrl(value, cwd)) : [BUNDLED_REGISTRY]
    registry = await HeadlessRegistry.open(urls)
    if (invocation.command === 'execute') return await executeCommand(registry, invocation, output, cwd)
    return await (invocation.command === 'list' ? listPlugins : checkHealth)(registry, output)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    output.err(`Error: ${error.message}`)
    output.err(USAGE)
    return EXIT.usage
  } finally {
    registry?.close()
  }
}
