// Memory of a page, of its workers and of the whole browser, read through the Chrome DevTools Protocol and /proc.
import { readFile } from 'node:fs/promises'
import type { Browser, CDPSession, Page } from '@playwright/test'

export interface MemorySample {
  /** JavaScript heap in use by the page itself, after a garbage collection. */
  pageHeapBytes: number
  /** JavaScript heap in use by each of the page's workers, after a garbage collection. */
  workerHeapBytes: number[]
  /** Resident memory of every Chromium process (browser, renderers, GPU, utilities), summed. */
  processesRssBytes: number
}

export async function sampleMemory(browser: Browser, page: Page): Promise<MemorySample> {
  const pageSession = await page.context().newCDPSession(page)
  const browserSession = await browser.newBrowserCDPSession()
  try {
    const { targetInfo } = await pageSession.send('Target.getTargetInfo')
    const { targetInfos } = await browserSession.send('Target.getTargets')
    const workers = targetInfos.filter((target) => target.type === 'worker' && target.browserContextId === targetInfo.browserContextId)
    const workerHeapBytes = []
    for (const worker of workers) workerHeapBytes.push(await workerHeapUsed(browserSession, worker.targetId))
    return {
      pageHeapBytes: await pageHeapUsed(pageSession),
      workerHeapBytes,
      processesRssBytes: await processesRss(browserSession),
    }
  } finally {
    await pageSession.detach()
    await browserSession.detach()
  }
}

async function pageHeapUsed(pageSession: CDPSession): Promise<number> {
  await pageSession.send('HeapProfiler.collectGarbage')
  const { usedSize } = await pageSession.send('Runtime.getHeapUsage')
  return usedSize
}

/** Playwright's sessions cannot address a worker attached in flat mode, so the commands travel inside messages. */
async function workerHeapUsed(browserSession: CDPSession, targetId: string): Promise<number> {
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId, flatten: false })
  try {
    await sendThroughSession(browserSession, sessionId, 1, 'HeapProfiler.collectGarbage')
    const { usedSize } = (await sendThroughSession(browserSession, sessionId, 2, 'Runtime.getHeapUsage')) as { usedSize: number }
    return usedSize
  } finally {
    await browserSession.send('Target.detachFromTarget', { sessionId })
  }
}

function sendThroughSession(browserSession: CDPSession, sessionId: string, id: number, method: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: { sessionId?: string; message: string }) => {
      const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } }
      if (event.sessionId !== sessionId || reply.id !== id) return
      browserSession.off('Target.receivedMessageFromTarget', onMessage)
      if (reply.error) reject(new Error(`${method}: ${reply.error.message}`))
      else resolve(reply.result)
    }
    browserSession.on('Target.receivedMessageFromTarget', onMessage)
    browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(reject)
  })
}

async function processesRss(browserSession: CDPSession): Promise<number> {
  const { processInfo } = await browserSession.send('SystemInfo.getProcessInfo')
  const sizes = await Promise.all(processInfo.map((process) => residentBytes(process.id)))
  return sizes.reduce((total, size) => total + size, 0)
}

/** VmRSS of a Linux process; 0 for one that has exited since it was listed. */
async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  const kibibytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]
  return kibibytes ? Number(kibibytes) * 1024 : 0
}
