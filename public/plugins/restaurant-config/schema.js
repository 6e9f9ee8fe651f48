// The restaurant configuration format as JSON Schema (draft 2020-12). This object is the single source:
// the validator walks it, `convert_config` takes its key order from it, `get_schema` returns it, and
// schema.json is written from it by scripts/write-restaurant-schema.mjs.
// `title` on a constrained string names the expected form in error messages ("must be a valid <title>").

import { WEEKDAYS } from './lib/calendar.js'

// The 14 allergens that EU Regulation 1169/2011 (Annex II) requires a menu to declare.
const ALLERGEN_CODES = [
  'gluten',
  'crustaceans',
  'eggs',
  'fish',
  'peanuts',
  'soy',
  'milk',
  'nuts',
  'celery',
  'mustard',
  'sesame',
  'sulphites',
  'lupin',
  'molluscs',
]

export const restaurantSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Restaurant configuration',
  description: 'One restaurant: identity, weekly opening hours, closures, areas and tables, and the menu.',
  type: 'object',
  required: ['restaurant', 'hours', 'menu'],
  additionalProperties: false,
  properties: {
    restaurant: {
      type: 'object',
      description: 'Who and where the restaurant is.',
      required: ['id', 'name', 'timezone', 'currency'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        name: { $ref: '#/$defs/text' },
        timezone: {
          type: 'string',
          title: 'IANA time zone name like Europe/Berlin',
          description: 'The zone the opening hours are written in.',
          pattern: '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$',
        },
        currency: {
          type: 'string',
          title: 'ISO 4217 currency code like EUR',
          description: 'The currency of every menu price.',
          pattern: '^[A-Z]{3}$',
        },
        contact: { $ref: '#/$defs/contact' },
      },
    },
    hours: {
      type: 'object',
      description:
        'Weekly opening hours. A range whose end is earlier than its start runs past midnight into the next day ' +
        '(it must end by 06:00); 24:00 ends a range at midnight.',
      additionalProperties: false,
      properties: Object.fromEntries(WEEKDAYS.map((day) => [day, { $ref: '#/$defs/dayHours' }])),
    },
    closures: {
      type: 'array',
      description: 'Whole days the restaurant is closed, overriding the weekly hours.',
      items: { $ref: '#/$defs/closure' },
    },
    areas: {
      type: 'array',
      description: 'Rooms or zones that tables belong to.',
      items: { $ref: '#/$defs/area' },
    },
    tables: {
      type: 'array',
      items: { $ref: '#/$defs/table' },
    },
    menu: {
      type: 'object',
      required: ['categories', 'items'],
      additionalProperties: false,
      properties: {
        categories: { type: 'array', items: { $ref: '#/$defs/category' } },
        items: { type: 'array', items: { $ref: '#/$defs/item' } },
      },
    },
  },
  $defs: {
    id: {
      type: 'string',
      title: "id (letters, digits, '-' and '_')",
      pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$',
    },
    text: { type: 'string', minLength: 1 },
    date: {
      type: 'string',
      title: 'date YYYY-MM-DD',
      pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
      format: 'date',
    },
    weekday: { type: 'string', title: 'weekday', enum: WEEKDAYS },
    dayHours: {
      type: 'array',
      description: 'Opening ranges of the day, in any order; an empty list or a missing day means closed.',
      items: { $ref: '#/$defs/timeRange' },
    },
    timeRange: {
      type: 'string',
      title: 'time range HH:MM-HH:MM',
      examples: ['11:30-14:30', '18:00-02:00', '17:00-24:00'],
      pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$',
    },
    contact: {
      type: 'object',
      additionalProperties: false,
      properties: {
        phone: { type: 'string', title: 'phone number', pattern: '^\\+?[0-9][0-9 ()./-]{3,}$' },
        email: { type: 'string', title: 'email address', pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' },
        website: { type: 'string', title: 'web address starting with http:// or https://', pattern: '^https?://\\S+$' },
        address: { $ref: '#/$defs/address' },
      },
    },
    address: {
      type: 'object',
      additionalProperties: false,
      properties: {
        street: { $ref: '#/$defs/text' },
        postal_code: { $ref: '#/$defs/text' },
        city: { $ref: '#/$defs/text' },
        country: { type: 'string', title: 'ISO 3166-1 country code like DE', pattern: '^[A-Z]{2}$' },
      },
    },
    closure: {
      type: 'object',
      description: 'Either one date, or a range from..to (both days included).',
      additionalProperties: false,
      properties: {
        date: { $ref: '#/$defs/date' },
        from: { $ref: '#/$defs/date' },
        to: { $ref: '#/$defs/date' },
        reason: { $ref: '#/$defs/text' },
      },
      oneOf: [{ required: ['date'] }, { required: ['from', 'to'] }],
      dependentRequired: { from: ['to'], to: ['from'] },
    },
    area: {
      type: 'object',
      required: ['id', 'name'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        name: { $ref: '#/$defs/text' },
        outdoor: { type: 'boolean' },
      },
    },
    table: {
      type: 'object',
      required: ['id', 'area', 'seats'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        area: { $ref: '#/$defs/id', description: 'The id of an entry of areas.' },
        seats: { type: 'integer', minimum: 1 },
        accessible: { type: 'boolean', description: 'Reachable and usable from a wheelchair.' },
      },
    },
    category: {
      type: 'object',
      required: ['id', 'name'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        name: { $ref: '#/$defs/text' },
      },
    },
    item: {
      type: 'object',
      required: ['id', 'name', 'category', 'price'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        name: { $ref: '#/$defs/text' },
        category: { $ref: '#/$defs/id', description: 'The id of an entry of menu.categories.' },
        price: { type: 'number', minimum: 0, description: 'In the currency of restaurant.currency.' },
        description: { type: 'string' },
        allergens: { type: 'array', uniqueItems: true, items: { $ref: '#/$defs/allergen' } },
        vegetarian: { type: 'boolean' },
        vegan: { type: 'boolean' },
        spicy: { type: 'boolean' },
        available: { $ref: '#/$defs/availability' },
      },
    },
    allergen: { type: 'string', title: 'allergen code', enum: ALLERGEN_CODES },
    availability: {
      type: 'object',
      description: 'When the item can be ordered; without it, whenever the restaurant is open.',
      additionalProperties: false,
      properties: {
        days: { type: 'array', minItems: 1, uniqueItems: true, items: { $ref: '#/$defs/weekday' } },
        times: { type: 'array', minItems: 1, items: { $ref: '#/$defs/timeRange' } },
      },
    },
  },
}
