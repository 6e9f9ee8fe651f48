import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { encodeSharedRun } from '../../../src/core/shareLink'
import { useExecuteStore } from '../../../src/stores/execute'
import { useNavigationStore } from '../../../src/stores/navigation'
import { useRegistryStore } from '../../../src/stores/registry'
import { useShareStore } from '../../../src/stores/share'
import { useStartupStore } from '../../../src/stores/startup'
import { MemoryStorage } from '../../support/memoryStorage'

const PAGE = 'http://playground.test/'

let page: EventTarget & { location: URL; localStorage: Storage }

beforeEach(() => {
  page = Object.assign(new EventTarget(), { location: new URL(PAGE), localStorage: new MemoryStorage() })
  vi.stubGlobal('window', page)
  vi.stubGlobal('location', page.location)
  setActivePinia(createPinia())
})

// The page stays stubbed after each test: the registry keeps settling (reading settings, loading) after it ends.

async function hashOf(run: Parameters<typeof encodeSharedRun>[0]): Promise<string> {
  const encoded = await encodeSharedRun(run)
  if (!encoded.ok) throw new Error(encoded.error)
  return `#${encoded.hash}`
}

describe('the share store', () => {
  it('links the form with its time limit, and opening the link fills the form on the Execute panel', async () => {
    const execute = useExecuteStore()
    execute.prepare({ plugin: 'hello', command: 'count', argumentsText: 'to: 3', timeLimitSeconds: 7.5 })
    const share = useShareStore()
    useRegistryStore().openedUrls = [`${PAGE}registry.json`]
    const outcome = await share.link(PAGE, true)
    if (!outcome.ok) throw new Error(outcome.error)
    expect(new URL(outcome.url).search).toBe('')

    setActivePinia(createPinia())
    await useShareStore().open(new URL(outcome.url).hash)
    expect(useExecuteStore().draft).toEqual({ plugin: 'hello', command: 'count', argumentsText: 'to: 3', timeLimitSeconds: 7.5 })
    expect(useNavigationStore().panel).toBe('execute')
    expect(useShareStore().notice).toBe('Opened from a shared link: check the arguments, then press Run.')
  })

  it('opens a link without a time limit and keeps the form’s own', async () => {
    await useShareStore().open(await hashOf({ plugin: 'hello', command: 'greet', arguments: 'who: Ada' }))
    expect(useExecuteStore().draft).toEqual({ plugin: 'hello', command: 'greet', argumentsText: 'who: Ada', timeLimitSeconds: 60 })
  })

  it('reports a damaged link and leaves the form as it was', async () => {
    const execute = useExecuteStore()
    execute.prepare({ plugin: 'hello', command: 'greet', argumentsText: 'who: kept' })
    const share = useShareStore()
    await share.open('#run=AAAA')
    expect(share.notice).toMatch(/^This share link is damaged and was ignored \(.+\)$/)
    expect(share.noticeIsError).toBe(true)
    expect(execute.draft).toMatchObject({ plugin: 'hello', command: 'greet', argumentsText: 'who: kept' })
  })

  it('does nothing for a hash without a run', async () => {
    const share = useShareStore()
    await share.open('#other=1')
    expect(share.notice).toBeUndefined()
    expect(useNavigationStore().panel).toBe('plugins')
  })
})

describe('the startup store', () => {
  it('opens the page’s registries and shared run, then follows hash changes until stopped', async () => {
    const registry = useRegistryStore()
    const open = vi.fn(async () => undefined)
    registry.openPageRegistries = open
    page.location = new URL(`${PAGE}?registry=https://a.example/r.json${await hashOf({ plugin: 'hello', command: 'greet', arguments: 'who: first' })}`)
    const startup = useStartupStore()
    await startup.start(page as unknown as Window)
    expect(open).toHaveBeenCalledTimes(1)
    expect(useExecuteStore().draft.argumentsText).toBe('who: first')

    page.location.hash = await hashOf({ plugin: 'hello', command: 'greet', arguments: 'who: second' })
    page.dispatchEvent(new Event('hashchange'))
    await vi.waitFor(() => expect(useExecuteStore().draft.argumentsText).toBe('who: second'))

    startup.stop()
    const opened = vi.spyOn(useShareStore(), 'open')
    page.dispatchEvent(new Event('hashchange'))
    expect(opened).not.toHaveBeenCalled()
  })
})
