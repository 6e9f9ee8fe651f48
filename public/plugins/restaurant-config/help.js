// Help for each command: the optional `commands` of get_info(), shown by the playground's Execute panel.

const configPath = { description: 'The restaurant configuration (YAML or JSON) in the workspace', required: true, example: 'restaurant.yaml' }

export const COMMAND_HELP = {
  validate_config: {
    description: 'Checks a restaurant configuration against the schema and the semantic rules',
    arguments: {
      config_path: configPath,
      strict: { description: 'Unknown keys are errors (true) or warnings (false)', required: false, default: 'config validation_strict, else true' },
    },
    example: { config_path: 'restaurant.yaml' },
  },
  convert_config: {
    description: 'Writes a configuration in YAML or JSON, keys in canonical order',
    arguments: {
      input_path: { description: 'The configuration to convert', required: true, example: 'restaurant.yaml' },
      output_path: { description: 'Where the converted file is written', required: true, example: 'restaurant.json' },
      format: { description: 'yaml or json', required: false, default: 'config default_format, else yaml' },
    },
    example: { input_path: 'restaurant.yaml', output_path: 'restaurant.json', format: 'json' },
  },
  summarize_config: {
    description: 'Tables, seats, menu, prices, allergens and opening hours of a valid configuration',
    arguments: { config_path: configPath },
    example: { config_path: 'restaurant.yaml' },
  },
  check_open: {
    description: 'Whether the restaurant is open at a time, and when that next changes',
    arguments: {
      config_path: configPath,
      at: {
        description: "An ISO 8601 date and time; without an offset, a wall-clock time in the restaurant's zone",
        required: false,
        default: 'now',
        example: '2026-03-29T12:30',
      },
    },
    example: { config_path: 'restaurant.yaml', at: '2026-03-29T12:30' },
  },
  get_schema: { description: 'The JSON Schema of the configuration format', arguments: {} },
}
