import { stringify } from 'yaml'
import { RestaurantConfigPlugin } from '../../../public/plugins/restaurant-config/plugin.js'
import { createTestContext, type TestContext } from '../../support/context'

/** A command result as the plugin returns it; its fields depend on the command. */
export type Result = { status: string; message?: string; [field: string]: any }

export type ConfigData = Record<string, any>

export type CommandName = 'validate_config' | 'convert_config' | 'summarize_config' | 'check_open' | 'get_schema'

export async function runCommand(
  command: CommandName,
  kwargs: Record<string, unknown>,
  options: { files?: Record<string, string>; config?: Record<string, unknown> } = {},
): Promise<{ result: Result; ctx: TestContext }> {
  const ctx = createTestContext(options)
  const plugin = new RestaurantConfigPlugin()
  const result = (await plugin[command](kwargs, ctx)) as Result
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
): Promise<Result> {
  const path = options.path ?? 'restaurant.yaml'
  const { result } = await runCommand('validate_config', { config_path: path, ...options.kwargs }, {
    files: { [path]: text },
    config: options.config,
  })
  return result
}
