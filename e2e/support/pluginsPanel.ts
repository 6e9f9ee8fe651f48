import type { Locator, Page } from '@playwright/test'

/** The card of one plugin in the Plugins panel, and its fields. */
export function pluginCard(page: Page, name: string) {
  const card: Locator = page.getByRole('article', { name, exact: true })
  const field = (key: string) => card.locator(`[data-field="${key}"]`)
  return {
    card,
    state: field('state'),
    version: field('version'),
    description: field('description'),
    author: field('author'),
    commands: field('commands'),
    error: field('error'),
    wheel: field('wheel'),
    manual: card.getByRole('link', { name: 'Manual' }),
  }
}

/** The Plugins panel's summary, filter and cards. */
export function pluginsPanel(page: Page) {
  const panel = page.getByRole('tabpanel', { name: 'Plugins' })
  return {
    summary: panel.locator('[data-field="summary"]'),
    filter: panel.getByLabel('Filter plugins'),
    filterOutcome: panel.locator('[data-field="filter-outcome"]'),
    cards: panel.getByRole('article'),
    showMore: panel.getByRole('button', { name: 'Show more' }),
  }
}
