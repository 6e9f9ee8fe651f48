import { defineStore } from 'pinia'
import { useRegistryStore } from './registry'
import { useShareStore } from './share'

/** What the page does when it opens: its registries, a shared run in the link, and later hash and history changes. */
export const useStartupStore = defineStore('startup', () => {
  let stopListening: (() => void) | undefined

  /** Opens the page at `page.location`; resolves when its registries have loaded. */
  async function start(page: Window = window): Promise<void> {
    const share = useShareStore()
    const registry = useRegistryStore()
    const opening = registry.openPageRegistries()
    // A share link opened in this tab again only changes the hash: the page does not reload.
    const onHashChange = () => void share.open(page.location.hash)
    // Back and forward through registries opened from the Plugins panel.
    const onPopState = () => void registry.openPageRegistries()
    stop()
    page.addEventListener('hashchange', onHashChange)
    page.addEventListener('popstate', onPopState)
    stopListening = () => {
      page.removeEventListener('hashchange', onHashChange)
      page.removeEventListener('popstate', onPopState)
    }
    await share.open(page.location.hash)
    await opening
  }

  function stop(): void {
    stopListening?.()
    stopListening = undefined
  }

  return { start, stop }
})
