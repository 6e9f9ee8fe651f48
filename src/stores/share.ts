import { defineStore } from 'pinia'
import { ref } from 'vue'
import { defaultRegistryUrl } from '../core/registryUrls'
import { useNavigationStore } from './navigation'
import { useRegistryStore } from './registry'

/** The Execute panel's store, and what it brings, loads with that panel or with the first link that needs it. */
const executeStore = () => import('./execute')
/** Reading and writing links (with their compression) loads with the first link made or opened. */
const shareLinks = () => import('../core/shareLink')

export type ShareOutcome = { ok: true; url: string } | { ok: false; error: string }

/** Share links, both ways: the link of this page (with the Execute panel's form) and opening one. */
export const useShareStore = defineStore('share', () => {
  /** What opening a link did: filled the form, or why it was ignored. */
  const notice = ref<string | undefined>()
  const noticeIsError = ref(false)
  /** Why a registry link was ignored. */
  const registryNotice = ref<string | undefined>()

  /** A link that reopens this page's registries and, with `withRun`, the form's run (never run by itself). */
  async function link(pageUrl: string, withRun: boolean): Promise<ShareOutcome> {
    const { buildShareUrl, encodeSharedRun } = await shareLinks()
    let hash = ''
    if (withRun) {
      const { draft } = (await executeStore()).useExecuteStore()
      const encoded = await encodeSharedRun({
        plugin: draft.plugin,
        command: draft.command,
        arguments: draft.argumentsText,
        timeLimitSeconds: draft.timeLimitSeconds,
      })
      if (!encoded.ok) return encoded
      hash = encoded.hash
    }
    return { ok: true, url: buildShareUrl(pageUrl, useRegistryStore().openedUrls, defaultRegistryUrl(pageUrl), hash) }
  }

  /** A registry a link carries (made by the registry builder); a damaged link is reported on the Plugins panel and ignored. */
  async function openManifest(hash: string): Promise<void> {
    const { SHARED_MANIFEST_HASH_KEY } = await shareLinks()
    if (!new URLSearchParams(hash.replace(/^#/, '')).has(SHARED_MANIFEST_HASH_KEY)) return
    // The builder's reading of links loads only with a link that needs it.
    const { decodeSharedManifest } = await import('../core/registryBuilder')
    const decoded = await decodeSharedManifest(hash, location.href)
    if (!decoded) return
    useNavigationStore().show('plugins')
    registryNotice.value = decoded.ok ? undefined : decoded.error
    if (decoded.ok) await useRegistryStore().openSharedManifest(decoded.manifest)
  }

  /** Fills the form from a link's hash and shows the Execute panel; a damaged link is reported and ignored. */
  async function open(hash: string): Promise<void> {
    await openManifest(hash)
    const { decodeSharedRun } = await shareLinks()
    const decoded = await decodeSharedRun(hash)
    if (!decoded) return
    useNavigationStore().show('execute')
    noticeIsError.value = !decoded.ok
    if (!decoded.ok) {
      notice.value = decoded.error
      return
    }
    const { plugin, command, arguments: argumentsText, timeLimitSeconds } = decoded.run
    const { useExecuteStore } = await executeStore()
    useExecuteStore().prepare({ plugin, command, argumentsText, timeLimitSeconds })
    notice.value = 'Opened from a shared link: check the arguments, then press Run.'
  }

  return { notice, noticeIsError, registryNotice, link, open }
})
