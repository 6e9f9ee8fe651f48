import type { Page } from '@playwright/test'

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  /** Thread time: what the thread itself worked, without the time the system gave other processes. */
  tdur?: number
  args?: { data?: { requestId?: string; url?: string } }
}

const TASK_EVENTS = ['ThreadControllerImpl::RunTask', 'RunTask']
/** A mark the page makes on its main thread, by which the trace tells that thread from the others. */
const PAGE_THREAD_MARK = 'e2e-page-main-thread'

/**
 * The page's main-thread tasks that did over 50 ms of work (ms of thread time, from a Chromium trace) while
 * `action` ran; with `afterResponse`, only those that ended after the response for that path did (a
 * registry's manifest arrived, say). The page's 'longtask' entries count wall-clock time, which on a machine
 * busy with other processes includes every moment the system ran them instead; thread time is the page's
 * own work, so the test can fail only for it.
 */
export async function busyTasksDuring(page: Page, action: () => Promise<void>, afterResponse?: string): Promise<number[]> {
  const browser = page.context().browser()
  if (!browser) throw new Error('the page has no browser to trace')
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'blink.user_timing'] })
  let trace: Buffer
  try {
    await action()
    await page.evaluate((mark) => performance.mark(mark), PAGE_THREAD_MARK)
  } finally {
    trace = await browser.stopTracing()
  }
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents
  const mark = events.find((event) => event.name === PAGE_THREAD_MARK)
  if (!mark) throw new Error('the trace holds no mark of the page')
  const onPageThread = (event: TraceEvent) => event.pid === mark.pid && event.tid === mark.tid
  let from = -Infinity
  if (afterResponse !== undefined) {
    const request = events.find(
      (event) => event.name === 'ResourceSendRequest' && event.args?.data?.url && new URL(event.args.data.url).pathname === afterResponse,
    )
    const finished =
      request && events.find((event) => event.name === 'ResourceFinish' && onPageThread(event) && event.args?.data?.requestId === request.args?.data?.requestId)
    if (!finished) throw new Error(`the trace holds no response for ${afterResponse}`)
    from = finished.ts
  }
  const tasks = events
    .filter((event) => onPageThread(event) && event.ph === 'X' && TASK_EVENTS.includes(event.name))
    .sort((first, second) => first.ts - second.ts)
  const busy: number[] = []
  let outerEnd = -Infinity
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0)
    // A task nested in another is part of it.
    if (end <= outerEnd) continue
    outerEnd = end
    if (end >= from && (task.tdur ?? 0) > 50_000) busy.push(Math.round((task.tdur ?? 0) / 1000))
  }
  return busy
}
