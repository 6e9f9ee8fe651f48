import { describe, expect, it } from 'vitest'
import { instantiatePlugin } from '../../../src/runtime/sandbox/instantiate'
import { LoadFailure } from '../../../src/runtime/sandbox/loadFailure'

const URL = 'https://plugins.example/p.js'

async function failureOf(namespace: Record<string, unknown>, exportName: string): Promise<unknown> {
  return instantiatePlugin(namespace, exportName, URL).then(
    () => expect.unreachable('expected a load failure'),
    (error: unknown) => error,
  )
}

describe('instantiatePlugin', () => {
  it('instantiates a class with no arguments', async () => {
    class ThePlugin {
      readonly args: number
      constructor(...args: unknown[]) {
        this.args = args.length
      }
    }
    const { plugin } = await instantiatePlugin({ ThePlugin }, 'ThePlugin', URL)
    expect(plugin).toBeInstanceOf(ThePlugin)
    expect(plugin).toMatchObject({ args: 0 })
  })

  it('calls a factory, sync or async, and uses an object as it is', async () => {
    const made = { get_info() {} }
    expect((await instantiatePlugin({ default: () => made }, 'default', URL)).plugin).toBe(made)
    expect((await instantiatePlugin({ create_plugin: async () => made }, 'create_plugin', URL)).plugin).toBe(made)
    expect((await instantiatePlugin({ plugin: made }, 'plugin', URL)).plugin).toBe(made)
  })

  it('never takes a plugin with a `then` command for a promise', async () => {
    class Thenable {
      then() {
        return { status: 'success' }
      }
    }
    const fromFactory = { then: () => undefined }
    expect((await instantiatePlugin({ Thenable }, 'Thenable', URL)).plugin).toBeInstanceOf(Thenable)
    expect((await instantiatePlugin({ create: () => fromFactory }, 'create', URL)).plugin).toBe(fromFactory)
    expect((await instantiatePlugin({ plugin: fromFactory }, 'plugin', URL)).plugin).toBe(fromFactory)
  })

  it('names what the module exports when the export is missing', async () => {
    const error = await failureOf({ SomethingElse: class {}, helper: () => 1 }, 'ThePlugin')
    expect(error).toBeInstanceOf(LoadFailure)
    expect(error).toHaveProperty('message', `export "ThePlugin" not found in ${URL} (it exports SomethingElse, helper)`)
    expect(await failureOf({}, 'default')).toHaveProperty('message', `export "default" not found in ${URL} (it has no exports)`)
  })

  it('does not take an inherited name for an export', async () => {
    expect(await failureOf({ x: 1 }, 'toString')).toHaveProperty('message', `export "toString" not found in ${URL} (it exports x)`)
  })

  it.each([
    ['a number', 42, 'number'],
    ['text', 'plugin', 'string'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['a boolean', true, 'boolean'],
  ])('refuses an export that is %s', async (_, value, described) => {
    expect(await failureOf({ ThePlugin: value }, 'ThePlugin')).toHaveProperty('message', `export "ThePlugin" is ${described}, not a class, function or object`)
  })

  it('says which constructor threw, and what, naming a nameless class after its export', async () => {
    class ConstructorThrows {
      constructor() {
        throw new Error('cannot start without a licence key')
      }
    }
    expect(await failureOf({ ConstructorThrows }, 'ConstructorThrows')).toHaveProperty(
      'message',
      'constructor of ConstructorThrows threw: cannot start without a licence key',
    )
    const nameless = (() =>
      class {
        constructor() {
          throw 'plain text'
        }
      })()
    const namespace = { Thrower: nameless }
    expect(await failureOf(namespace, 'Thrower')).toHaveProperty('message', 'constructor of Thrower threw: plain text')
  })

  it('says which factory threw or returned something else than an object', async () => {
    const make = () => {
      throw new RangeError('no slots left')
    }
    expect(await failureOf({ make }, 'make')).toHaveProperty('message', 'factory make() threw: no slots left')
    const rejects = async () => Promise.reject(new Error('async failure'))
    expect(await failureOf({ rejects }, 'rejects')).toHaveProperty('message', 'factory rejects() threw: async failure')
    for (const [value, described] of [
      [42, 'number'],
      [null, 'null'],
      [undefined, 'undefined'],
      ['plugin', 'string'],
    ] as const) {
      const build = () => value
      expect(await failureOf({ build }, 'build')).toHaveProperty('message', `factory build() returned ${described}, not a plugin object`)
    }
  })

  it('names a nameless factory after its export', async () => {
    const namespace = {
      default: (
        () => () =>
          5
      )(),
    }
    expect(await failureOf(namespace, 'default')).toHaveProperty('message', 'factory default() returned number, not a plugin object')
  })
})
