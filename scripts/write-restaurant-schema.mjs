// Writes public/plugins/restaurant-config/schema.json, the published copy of the plugin's schema.js.
// Run: node scripts/write-restaurant-schema.mjs (a unit test fails while the two differ)
import { writeFile } from 'node:fs/promises'
import { restaurantSchema } from '../public/plugins/restaurant-config/schema.js'

const target = new URL('../public/plugins/restaurant-config/schema.json', import.meta.url)
await writeFile(target, `${JSON.stringify(restaurantSchema, null, 2)}\n`)
console.log('schema.json written')
