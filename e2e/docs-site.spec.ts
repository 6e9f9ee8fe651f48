import { docPages } from '../tooling/docsSite'
import { expect, test } from './support/fixtures'

test('the Help page links every documentation page, and each opens with its title', async ({ page }) => {
  await page.goto('/help.html')
  await page.getByRole('link', { name: 'Writing a plugin' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Writing a plugin')
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Help' }).click()
  await page.getByRole('link', { name: 'doe_runner' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/DOE Runner/)
})

test('every link between the documentation pages leads to a page or file that exists, anchors included', async ({ page, request }) => {
  await page.goto('/docs/index.html')
  const start = page.url()
  const toVisit = [start]
  const visited = new Set<string>()
  const broken: string[] = []
  while (toVisit.length) {
    const url = toVisit.shift()!
    if (visited.has(url)) continue
    visited.add(url)
    await page.goto(url)
    const links = await page.locator('main a[href]').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href))
    for (const link of links) {
      const target = new URL(link)
      if (target.origin !== new URL(start).origin) continue
      const withoutFragment = `${target.origin}${target.pathname}`
      if (target.pathname.startsWith('/docs/')) {
        if (!visited.has(withoutFragment)) toVisit.push(withoutFragment)
        if (target.hash) {
          const html = await (await request.get(withoutFragment)).text()
          if (!html.includes(`id="${decodeURIComponent(target.hash.slice(1))}"`)) broken.push(`${url} → ${link} (no such anchor)`)
        }
      } else if (!(await request.get(withoutFragment)).ok()) {
        broken.push(`${url} → ${link}`)
      }
    }
  }
  expect(broken).toEqual([])
  // Every page of the site is reached from the index.
  expect([...visited].map((url) => new URL(url).pathname).sort()).toEqual(
    docPages('.')
      .map(({ page }) => `/${page}`)
      .sort(),
  )
})
