// Bundles the `yaml` package into one self-contained ES module for the Restaurant Config plugin,
// which is published as plain files and therefore cannot import from node_modules.
// Run: node scripts/vendor-yaml.mjs
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'vite'

const require = createRequire(import.meta.url)
const packageJsonPath = require.resolve('yaml/package.json')
const yamlPackage = JSON.parse(await readFile(packageJsonPath, 'utf8'))
// The package's platform-neutral ES module build, as its `exports` map names it for non-Node consumers.
const browserEntry = fileURLToPath(new URL(yamlPackage.exports['.'].default, pathToFileURL(packageJsonPath)))
const outDir = fileURLToPath(new URL('../public/plugins/restaurant-config/vendor/', import.meta.url))

// Type-checking it is its own project's job; the plugins' checkJs skips it.
const banner = `// @ts-nocheck
/*!
 * yaml ${yamlPackage.version} (${yamlPackage.homepage}), ISC licence, copyright ${yamlPackage.author}.
 * Bundled into this single ES module by scripts/vendor-yaml.mjs; regenerate it with that script, do not edit.
 */`

await build({
  configFile: false,
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: false,
    minify: false,
    target: 'es2022',
    lib: { entry: browserEntry, formats: ['es'], fileName: () => 'yaml.js' },
    rolldownOptions: { output: { banner } },
  },
})

console.log(`yaml ${yamlPackage.version} bundled into ${outDir}yaml.js`)
