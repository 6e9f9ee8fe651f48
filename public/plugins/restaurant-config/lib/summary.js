// The figures a manager asks for about a valid configuration.

import { restaurantSchema } from '../schema.js'
import { WEEKDAYS } from './calendar.js'
import { parseTimeRange } from './time-ranges.js'

export function summarizeConfig(config) {
  const { name, timezone, currency } = config.restaurant
  const tables = config.tables ?? []
  const { categories, items } = config.menu
  const prices = items.map((item) => item.price)
  return {
    name,
    timezone,
    currency,
    tables: tables.length,
    seats: sum(tables.map((table) => table.seats)),
    areas: (config.areas ?? []).map(({ id, name: areaName }) => {
      const own = tables.filter((table) => table.area === id)
      return { id, name: areaName, tables: own.length, seats: sum(own.map((table) => table.seats)) }
    }),
    menu_items: items.length,
    categories: categories.map(({ id, name: categoryName }) => ({
      id,
      name: categoryName,
      items: items.filter((item) => item.category === id).length,
    })),
    price_range: prices.length > 0 ? { min: Math.min(...prices), max: Math.max(...prices), currency } : null,
    vegetarian_items: items.filter((item) => item.vegetarian || item.vegan).length,
    vegan_items: items.filter((item) => item.vegan).length,
    allergens_used: allergenCounts(items),
    open_days: WEEKDAYS.filter((day) => (config.hours[day] ?? []).length > 0),
    weekly_open_hours: weeklyOpenHours(config.hours),
    closures: (config.closures ?? []).length,
  }
}

/** How many items declare each allergen, in the schema's order of allergens, leaving out unused ones. */
function allergenCounts(items) {
  const counts = {}
  for (const code of restaurantSchema.$defs.allergen.enum) {
    const count = items.filter((item) => (item.allergens ?? []).includes(code)).length
    if (count > 0) counts[code] = count
  }
  return counts
}

/** Hours on the clock faces of an ordinary week, not counting daylight saving changes. */
function weeklyOpenHours(hours) {
  const minutes = WEEKDAYS.flatMap((day) => hours[day] ?? [])
    .map(parseTimeRange)
    .map((range) => range.end - range.start)
  return Math.round((sum(minutes) / 60) * 100) / 100
}

function sum(numbers) {
  return numbers.reduce((total, number) => total + number, 0)
}
