import { errorMessage } from '../../core/errorMessage'
import { moduleLabel } from '../../core/localPlugins'
import { LoadFailure } from './loadFailure'

function isClass(value: object): boolean {
  return /^class\b/.test(Function.prototype.toString.call(value as () => unknown))
}

/**
 * The plugin comes back boxed: an instance with a `then` method (a command may be called `then`) would
 * otherwise be taken for a promise and awaited.
 *
 * Turns the export into a plugin instance, like Python's `entry_point.load()` then `plugin_class()`:
 * a class is instantiated, any other function is called as a factory, an object is used as it is.
 */
export async function instantiatePlugin(namespace: Record<string, unknown>, exportName: string, moduleUrl: string): Promise<{ plugin: object }> {
  if (!Object.hasOwn(namespace, exportName)) {
    const available = Object.keys(namespace)
    const listing = available.length ? `it exports ${available.join(', ')}` : 'it has no exports'
    throw new LoadFailure(`export "${exportName}" not found in ${moduleLabel(moduleUrl)} (${listing})`)
  }
  const exported = namespace[exportName]
  if (typeof exported === 'function') {
    if (isClass(exported)) {
      try {
        return { plugin: new (exported as new () => object)() }
      } catch (error) {
        throw new LoadFailure(`constructor of ${exported.name || exportName} threw: ${errorMessage(error)}`)
      }
    }
    let created: unknown
    try {
      created = (exported as () => unknown)()
      // An async factory's promise is awaited; any other value is the plugin, even one with a `then` method.
      if (created instanceof Promise) created = await created
    } catch (error) {
      throw new LoadFailure(`factory ${exported.name || exportName}() threw: ${errorMessage(error)}`)
    }
    if (typeof created !== 'object' || created === null) {
      throw new LoadFailure(`factory ${exported.name || exportName}() returned ${describe(created)}, not a plugin object`)
    }
    return { plugin: created }
  }
  if (typeof exported === 'object' && exported !== null) return { plugin: exported }
  throw new LoadFailure(`export "${exportName}" is ${describe(exported)}, not a class, function or object`)
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value
}
