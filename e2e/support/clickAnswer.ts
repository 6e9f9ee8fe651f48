import type { Locator, Page } from '@playwright/test'

/**
 * How long the page may take to answer a click while a plugin misbehaves. Idle, it answers within a few tens of
 * milliseconds; with twenty jobs on two cores, in 0.1–0.2 s while a plugin floods it with messages.
 */
export const CLICK_ANSWER_MS = 1_000

/**
 * Clicks `target` and resolves to how long the page took to answer it, measured in the page: from the moment
 * the browser received the click (the event's time stamp, so waiting for a busy main thread counts) to the
 * first frame after the page's handlers ran. The test driver's own delays do not count.
 */
export async function clickAnswerMs(page: Page, target: Locator): Promise<number> {
  await page.evaluate(() => {
    const answered = new Promise<number>((resolve) => {
      document.addEventListener('click', (event) => requestAnimationFrame(() => resolve(performance.now() - event.timeStamp)), { once: true, capture: true })
    })
    Object.assign(window, { clickAnswered: answered })
  })
  await target.click()
  return page.evaluate(() => (window as unknown as { clickAnswered: Promise<number> }).clickAnswered)
}
