import { GLOBAL_CONFIG_KEY } from '../../src/core/storageKeys'
import { test as base, type Page } from '@playwright/test'
import { startFixtureServer, type FixtureServer } from './fixtureServer'

/**
 * Tests get a second origin serving e2e/fixtures, fresh for each test: `thirdParty` is listed in
 * `discovery.trusted_sources` before the page opens (so its plugins load without a prompt),
 * `untrustedThirdParty` is not.
 */
export const test = base.extend<{ thirdParty: FixtureServer; untrustedThirdParty: FixtureServer }>({
  thirdParty: async ({ baseURL, page }, use) => {
    const server = await startFixtureServer(new URL(baseURL ?? 'http://127.0.0.1/').origin)
    await presetConfig(page, `discovery:\n  trusted_sources: ['${server.origin}']\n`)
    await use(server)
    await server.close()
  },
  untrustedThirdParty: async ({ baseURL }, use) => {
    const server = await startFixtureServer(new URL(baseURL ?? 'http://127.0.0.1/').origin)
    await use(server)
    await server.close()
  },
})

export { expect } from '@playwright/test'

/** Stores `config.yaml` before the app first starts in this browser context (later edits are kept). */
export async function presetConfig(page: Page, text: string): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      if (localStorage.getItem(key) === null) localStorage.setItem(key, value)
    },
    [GLOBAL_CONFIG_KEY, text],
  )
}

/** The app URL that opens the given registries instead of the bundled one. */
export function withRegistries(...urls: string[]): string {
  const query = new URLSearchParams()
  for (const url of urls) query.append('registry', url)
  return `/?${query}`
}
