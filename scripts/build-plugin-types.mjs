// Bundles the plugin contract's types (src/core/pluginContract.ts) into the one declaration file plugin authors
// use: `public/types/strataregula-plugin.d.ts`. `--check` fails when the committed file is out of date.
import { readFileSync, writeFileSync } from 'node:fs'
import { generateDtsBundle } from 'dts-bundle-generator'

const OUTPUT = 'public/types/strataregula-plugin.d.ts'
const HEADER = `// Types of the Strataregula Playground plugin contract, for plugin authors (TypeScript, or JavaScript with JSDoc).
// Generated from the playground's own types by \`npm run types\`: do not edit by hand.
`

export function pluginTypes() {
  const [bundle] = generateDtsBundle([{ filePath: 'src/core/pluginContract.ts', output: { noBanner: true, exportReferencedTypes: true } }], {
    preferredConfigPath: 'tsconfig.app.json',
  })
  return HEADER + bundle
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fresh = pluginTypes()
  if (process.argv.includes('--check')) {
    if (readFileSync(OUTPUT, 'utf8') !== fresh) {
      console.error(`${OUTPUT} is out of date: run npm run types`)
      process.exit(1)
    }
  } else {
    writeFileSync(OUTPUT, fresh)
  }
}
