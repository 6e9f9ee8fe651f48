import type { CommandResult } from '../../../public/types/strataregula-plugin'
import { stringify } from 'yaml'
import { RestaurantConfigPlugin } from '../../../public/plugins/restaurant-config/plugin.js'
import { createTestContext, type TestContext } from '../../support/context'

/** A problem validate_config reports. */
export interface Issue {
  path: string
  message: string
  line?: number
}

/** What validate_config returns. */
export type ValidationResult = CommandResult & { valid: boolean; errors: Issue[]; warnings: Issue[] }

/** A command result as the plugin returns it: validate_config's and get_schema's fields are typed, the others' are read as `unknown`. */
export type Result = CommandResult & Partial<ValidationResult>

type ResultOf<C extends CommandName> = C extends 'validate_config'
  ? ValidationResult
  : C extends 'get_schema'
    ? CommandResult & { schema: { $schema: string; required: string[]; $defs: { allergen: { enum: string[] } }; [key: string]: unknown } }
    : Result

type Entry = { id: string; name?: string; [field: string]: unknown }
export type MenuItem = Entry & {
  category: string
  price: number
  allergens?: string[]
  vegetarian?: boolean
  available?: { days?: string[]; times?: string[] }
}

/**
 * A restaurant configuration as the tests build it: the valid shape, open to more keys. A test that puts a
 * value of the wrong type on purpose says so with {@link wrongType}.
 */
export interface ConfigData {
  restaurant: Entry & { timezone: string; currency: string; contact?: Record<string, unknown> }
  hours: Record<string, string[]>
  closures: Array<{ date?: string; from?: string; to?: string; reason?: string }>
  areas: Entry[]
  tables: Array<Entry & { area: string; seats: number }>
  menu: { categories: Entry[]; items: MenuItem[] }
  [section: string]: unknown
}

/** A value of another type than the place it is put in, on purpose: what the validation must catch. */
export function wrongType<T>(value: unknown): T {
  return value as T
}

export type CommandName = 'validate_config' | 'convert_config' | 'summarize_config' | 'check_open' | 'get_schema'

export async function runCommand<C extends CommandName>(
  command: C,
  kwargs: Record<string, unknown>,
  options: { files?: Record<string, string>; config?: Record<string, unknown> } = {},
): Promise<{ result: ResultOf<C>; ctx: TestContext }> {
  const ctx = createTestContext(options)
  const plugin = new RestaurantConfigPlugin()
  const result = (await plugin[command](kwargs, ctx)) as ResultOf<C>
  return { result, ctx }
}

/** A small valid configuration, new on each call so that a test may change it. */
export function validConfig(): ConfigData {
  return {
    restaurant: { id: 'test-bistro', name: 'Test Bistro', timezone: 'Europe/Berlin', currency: 'EUR' },
    hours: { tue: ['11:30-14:30', '18:00-22:00'], fri: ['18:00-02:00'], sat: ['12:00-15:00'] },
    closures: [{ date: '2026-12-25', reason: 'Christmas Day' }],
    areas: [{ id: 'main', name: 'Main room' }],
    tables: [
      { id: 'T1', area: 'main', seats: 2 },
      { id: 'T2', area: 'main', seats: 4 },
    ],
    menu: {
      categories: [{ id: 'mains', name: 'Mains' }],
      items: [
        { id: 'soup', name: 'Soup', category: 'mains', price: 6.5, allergens: ['celery'] },
        { id: 'steak', name: 'Steak', category: 'mains', price: 24 },
      ],
    },
  }
}

/** A valid configuration changed by `change`, as YAML text. */
export function configYaml(change: (config: ConfigData) => void = () => {}): string {
  const config = validConfig()
  change(config)
  return stringify(config)
}

/** Runs validate_config on `text` saved as `path`. */
export async function validate(
  text: string,
  options: { path?: string; kwargs?: Record<string, unknown>; config?: Record<string, unknown> } = {},
): Promise<ValidationResult> {
  const path = options.path ?? 'restaurant.yaml'
  const { result } = await runCommand(
    'validate_config',
    { config_path: path, ...options.kwargs },
    {
      files: { [path]: text },
      config: options.config,
    },
  )
  return result
}
