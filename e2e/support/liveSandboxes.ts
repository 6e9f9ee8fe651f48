import type { Page } from '@playwright/test'

/** The sandbox frames in the page, and the workers alive in this browser context (those the frames started). */
export async function liveSandboxes(page: Page): Promise<{ frames: number; workers: number }> {
  const browser = page.context().browser()
  if (!browser) throw new Error('the page has no browser to ask for its workers')
  const pageSession = await page.context().newCDPSession(page)
  const browserSession = await browser.newBrowserCDPSession()
  try {
    const { targetInfo } = await pageSession.send('Target.getTargetInfo')
    const { targetInfos } = await browserSession.send('Target.getTargets')
    const workers = targetInfos.filter((target) => target.type === 'worker' && target.browserContextId === targetInfo.browserContextId)
    return { frames: await page.locator('iframe').count(), workers: workers.length }
  } finally {
    await pageSession.detach()
    await browserSession.detach()
  }
}
