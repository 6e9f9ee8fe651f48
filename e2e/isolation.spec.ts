import { expect, test, withRegistries } from './support/fixtures'
import { CONTAINED_PROBE_FINDINGS } from './support/isolationProbe'
import { pluginCard } from './support/pluginsPanel'

const SECRET = 'planted-secret-4c1f9e'

test('a plugin cannot reach the app storage, DOM or files', async ({ page, thirdParty }) => {
  await page.goto('/')
  await page.evaluate((secret) => {
    localStorage.setItem('planted-secret', secret)
    sessionStorage.setItem('planted-secret', secret)
    document.cookie = `planted-secret=${secret}`
  }, SECRET)

  await page.goto(withRegistries(`${thirdParty.origin}/cors/isolation.json`))
  const probe = pluginCard(page, 'isolation_probe')
  await expect(probe.state).toHaveText('Loaded')
  const findings = JSON.parse(await probe.description.innerText()) as Record<string, string>

  expect(findings).toEqual(CONTAINED_PROBE_FINDINGS)
  expect(JSON.stringify(findings)).not.toContain(SECRET)
  // The secret is still there for the app itself.
  expect(await page.evaluate(() => localStorage.getItem('planted-secret'))).toBe(SECRET)
})
