// Restaurant Config: a Strataregula plugin for one restaurant's configuration file (YAML or JSON).
// This is the playground's own design of the ecosystem's `restaurant_config` plugin, of which no
// implementation has been published. Plain ES2022 modules with relative imports: it runs unchanged in
// a browser worker and in Node.

import { COMMAND_HELP } from './help.js'

// Each command's modules (the YAML parser, the schema, the checks) are imported when it first runs, not
// with the plugin: listing it (get_info) then loads two files instead of thirty-one.

export class RestaurantConfigPlugin {
  get_info() {
    return {
      name: 'restaurant_config',
      version: '0.1.0',
      description:
        'Restaurant configuration management: validates, converts, summarizes a restaurant configuration ' +
        "and tells whether it is open (the playground's own design; no implementation was ever published)",
      author: 'Strataregula Playground',
      supported_commands: ['validate_config', 'convert_config', 'summarize_config', 'check_open', 'get_schema'],
      commands: COMMAND_HELP,
    }
  }

  async validate_config(kwargs, ctx) {
    const { validateConfig } = await import('./commands/validate-config.js')
    return validateConfig(kwargs, ctx)
  }

  async convert_config(kwargs, ctx) {
    const { convertConfig } = await import('./commands/convert-config.js')
    return convertConfig(kwargs, ctx)
  }

  async summarize_config(kwargs, ctx) {
    const { summarizeConfig } = await import('./commands/summarize-config.js')
    return summarizeConfig(kwargs, ctx)
  }

  async check_open(kwargs, ctx) {
    const { checkOpen } = await import('./commands/check-open.js')
    return checkOpen(kwargs, ctx)
  }

  async get_schema() {
    const { restaurantSchema } = await import('./schema.js')
    return { status: 'success', schema: structuredClone(restaurantSchema) }
  }
}
