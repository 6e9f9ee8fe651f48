// Runs in the app's page before the app does (page.addInitScript). Plain JavaScript, read as is: code that
// tsx compiled would carry helpers the page does not have. Times are the page's performance.now().
// window.benchProbe:
// - longTasks: every main-thread task over 50 ms.
// - tabClicks: per tab click, when it happened (its pointerdown's own time stamp, so time spent queued behind a
//   busy main thread counts) and how long until the first frame showing that tab, or a later click's, rendered.
// - runStartedAt / outcome: when the Execute form was submitted, and the first frame showing the outcome, which
//   is also told to window.benchOutcomeShown() (a function the benchmark exposes).
// window.benchQuietFor(ms): whether the outcome shows and no long task has ended for `ms`.
// window.benchForget(): starts the record afresh, for the next run (after a warm-up run).
;(() => {
  const OUTCOME = /^\s*Command (executed successfully|failed: )/
  let probe
  window.benchForget = () => (window.benchProbe = probe = { longTasks: [], tabClicks: [], runStartedAt: undefined, outcome: undefined })
  window.benchForget()
  window.benchQuietFor = (quietMs) => {
    if (!probe.outcome) return false
    const lastBusyAt = Math.max(probe.outcome.at, ...probe.longTasks.map((task) => task.start + task.duration))
    return performance.now() - lastBusyAt >= quietMs
  }

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })

  let pointerDownAt = 0
  document.addEventListener('pointerdown', (event) => (pointerDownAt = event.timeStamp), true)
  document.addEventListener(
    'click',
    (event) => {
      const tab = event.target instanceof Element ? event.target.closest('[role="tab"]') : null
      if (!tab) return
      const clickNumber = probe.tabClicks.length
      const click = { at: pointerDownAt, latency: undefined }
      probe.tabClicks.push(click)
      const whenShown = () => {
        // A frame's rendering follows its animation frame callbacks; a task queued from one runs after it.
        const superseded = probe.tabClicks.length > clickNumber + 1
        if (tab.getAttribute('aria-selected') === 'true' || superseded) setTimeout(() => (click.latency = performance.now() - click.at))
        else requestAnimationFrame(whenShown)
      }
      requestAnimationFrame(whenShown)
    },
    true,
  )

  const watchOutcome = () => {
    const status = [...document.querySelectorAll('[role="status"]')].find((element) => OUTCOME.test(element.textContent))
    if (!status) return requestAnimationFrame(watchOutcome)
    probe.outcome = { at: performance.now(), text: status.textContent.trim() }
    window.benchOutcomeShown()
  }
  document.addEventListener(
    'submit',
    (event) => {
      if (probe.runStartedAt !== undefined) return
      probe.runStartedAt = event.timeStamp
      requestAnimationFrame(watchOutcome)
    },
    true,
  )
})()
