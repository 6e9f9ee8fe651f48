import { expect, test, withRegistries } from './support/fixtures'
import { pluginCard } from './support/pluginsPanel'

test('each broken plugin is listed with its real cause while the good ones load', async ({ page, thirdParty }) => {
  const base = `${thirdParty.origin}/cors/corpus/`
  await page.goto(withRegistries(`${base}registry.json`))

  for (const name of ['good', 'async_info', 'factory']) await expect(pluginCard(page, name).state).toHaveText('Loaded')
  // Cards come 12 at a time: the corpus has 13.
  await page.getByRole('button', { name: 'Show more', exact: true }).click()
  await expect(pluginCard(page, 'async_info').author).toHaveText('Unknown')

  const expected: Record<string, string | RegExp> = {
    not_found: `HTTP 404 Not Found for ${base}no-such-file.js`,
    syntax_error: new RegExp(`^syntax error in ${base}syntax-error\\.js: .+`),
    throws_at_import: 'the module threw while being imported: Error: configuration file missing at import time',
    missing_export: `export "ThePlugin" not found in ${base}missing-export.js (it exports SomethingElse, helper)`,
    constructor_throws: 'constructor of ConstructorThrows threw: cannot start without a licence key',
    get_info_throws: 'get_info() threw: info is not available',
    no_version: 'get_info() returned no version',
    imports_missing: `a module it imports failed to load: HTTP 404 Not Found for ${base}not-there.js`,
    cors_refused: `CORS refused: ${thirdParty.origin}/nocors/corpus/good.js was served without Access-Control-Allow-Origin`,
    wrong_mime: `wrong MIME type "text/plain" for ${thirdParty.origin}/text/corpus/good.js (a module must be served as JavaScript)`,
  }
  for (const [name, reason] of Object.entries(expected)) {
    const card = pluginCard(page, name)
    // A plugin that fails in a shared discovery sandbox is loaded again alone before it is reported.
    await expect(card.state).toHaveText('Failed', { timeout: 20_000 })
    const prefix = `Failed to load plugin ${name}: `
    if (typeof reason === 'string') await expect(card.error).toHaveText(prefix + reason)
    else await expect(card.error).toHaveText(new RegExp(prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + reason.source.slice(1)))
  }
})
