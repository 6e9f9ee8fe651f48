// Restaurant Config: a Strataregula plugin for one restaurant's configuration file (YAML or JSON).
// This is the playground's own design of the ecosystem's `restaurant_config` plugin, of which no
// implementation has been published. Plain ES2022 modules with relative imports: it runs unchanged in
// a browser worker and in Node.

import { checkOpen } from './commands/check-open.js'
import { convertConfig } from './commands/convert-config.js'
import { COMMAND_HELP } from './help.js'
import { summarizeConfig } from './commands/summarize-config.js'
import { validateConfig } from './commands/validate-config.js'
import { restaurantSchema } from './schema.js'

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

  validate_config(kwargs, ctx) {
    return validateConfig(kwargs, ctx)
  }

  convert_config(kwargs, ctx) {
    return convertConfig(kwargs, ctx)
  }

  summarize_config(kwargs, ctx) {
    return summarizeConfig(kwargs, ctx)
  }

  check_open(kwargs, ctx) {
    return checkOpen(kwargs, ctx)
  }

  get_schema() {
    return { status: 'success', schema: structuredClone(restaurantSchema) }
  }
}
