import type { Page } from '@playwright/test'

interface LongTask {
  start: number
  duration: number
}

declare global {
  interface Window {
    longTasks?: LongTask[]
  }
}

/** Records every main-thread task over 50 ms of the page (the browser's own 'longtask' entries). */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: LongTask[] = []
    window.longTasks = tasks
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  })
}

/** The durations (ms) of the long tasks that ran, even in part, while `action` did. */
export async function longTasksDuring(page: Page, action: () => Promise<void>): Promise<number[]> {
  const from = await page.evaluate(() => performance.now())
  await action()
  // Entries reach the observer after their task ends: one more frame lets the last one arrive.
  const to = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())))))
  return page.evaluate(
    ([start, end]) =>
      (window.longTasks ?? []).filter((task) => task.start <= end && task.start + task.duration >= start).map((task) => Math.round(task.duration)),
    [from, to],
  )
}

/**
 * The long tasks of each run of `action`, run again (up to `attempts` times in all) while the last run
 * had any: on a machine busy with other work, the scheduler can stretch a short task past 50 ms. A page
 * that really blocks its main thread has long tasks in every run, so the last run still shows them.
 */
export async function longTasksOfRuns(page: Page, action: () => Promise<void>, attempts = 3): Promise<number[][]> {
  const runs: number[][] = []
  do runs.push(await longTasksDuring(page, action))
  while (runs.length < attempts && runs[runs.length - 1].length > 0)
  return runs
}
