// Loaded when a local plugin is added: the lexer stays out of the first load and the sandbox runtime.
import { init, parse } from 'es-module-lexer'

/**
 * The export a local plugin is loaded from, as a manifest's `module:Export`: the default export, else the
 * first named one. A module the lexer cannot read gets `default`: its sandbox then reports the syntax error.
 */
export async function localPluginExport(source: string): Promise<string> {
  await init
  let names: string[]
  try {
    names = parse(source)[1].map((exported) => exported.n)
  } catch {
    return 'default'
  }
  return names.includes('default') ? 'default' : (names[0] ?? 'default')
}
