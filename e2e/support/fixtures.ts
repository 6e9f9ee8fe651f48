import { test as base } from '@playwright/test'
import { startFixtureServer, type FixtureServer } from './fixtureServer'

/** Tests get `thirdParty`, a second origin serving e2e/fixtures, fresh for each test. */
export const test = base.extend<{ thirdParty: FixtureServer }>({
  thirdParty: async ({ baseURL }, use) => {
    const server = await startFixtureServer(new URL(baseURL ?? 'http://127.0.0.1/').origin)
    await use(server)
    await server.close()
  },
})

export { expect } from '@playwright/test'

/** The app URL that opens the given registries instead of the bundled one. */
export function withRegistries(...urls: string[]): string {
  const query = new URLSearchParams()
  for (const url of urls) query.append('registry', url)
  return `/?${query}`
}
