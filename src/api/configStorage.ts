import { errorMessage } from '../core/errorMessage'
import { utf8Size } from '../core/config/size'
import { formatSize } from '../core/format'
import { GLOBAL_CONFIG_KEY, pluginNameOfConfigKey, type PageStateKey } from '../core/storageKeys'

/** A change made by another tab; `key` null means the whole storage was cleared. */
export interface ConfigStorageChange {
  key: string | null
  text: string | null
}

/** A save that did not happen; the stored text is the one from before the attempt. */
export class ConfigStorageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigStorageError'
  }
}

type StorageEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>

/** The one module that touches browser storage: each configuration file's YAML text under its key (spec §3). */
export class ConfigStorage {
  constructor(
    private readonly storage: Storage = window.localStorage,
    private readonly events: StorageEvents = window,
  ) {}

  /** The global file first (it always exists for the app, on defaults when not stored), then stored plugin files. */
  listKeys(): string[] {
    const pluginKeys: string[] = []
    for (let index = 0; index < this.storage.length; index++) {
      const key = this.storage.key(index)
      if (key !== null && pluginNameOfConfigKey(key) !== null) pluginKeys.push(key)
    }
    return [GLOBAL_CONFIG_KEY, ...pluginKeys.sort()]
  }

  /** The stored text, or null when the file was never saved (or was reset). */
  read(key: string): string | null {
    assertConfigKey(key)
    return this.storage.getItem(key)
  }

  /** Stores `text` as it is; on failure throws a {@link ConfigStorageError} and the old text stays. */
  write(key: string, text: string): void {
    assertConfigKey(key)
    try {
      this.storage.setItem(key, text)
    } catch (error) {
      const reason = isQuotaExceeded(error)
        ? `browser storage is full (the text is ${formatSize(utf8Size(text))}); nothing was changed`
        : `${errorMessage(error)}; nothing was changed`
      throw new ConfigStorageError(`Could not save ${key}: ${reason}`)
    }
  }

  /** Forgets the stored text, so the app runs on defaults again (the reset of spec §3). */
  remove(key: string): void {
    assertConfigKey(key)
    this.storage.removeItem(key)
  }

  /** Calls `listener` for every configuration change made in another tab; returns the unsubscribe function. */
  subscribe(listener: (change: ConfigStorageChange) => void): () => void {
    const onStorage = (event: Event) => {
      const { key, newValue, storageArea } = event as StorageEvent
      if (storageArea !== this.storage) return
      if (key === null) listener({ key: null, text: null })
      else if (isConfigKey(key)) listener({ key, text: newValue })
    }
    this.events.addEventListener('storage', onStorage)
    return () => this.events.removeEventListener('storage', onStorage)
  }
}

/**
 * The page's own state (the Execute panel's form and run history) in the same browser storage. It is a
 * convenience: storage that is disabled or full loses it quietly, and a failed save says why.
 */
export class PageStateStorage {
  constructor(private readonly storage: () => Storage = () => window.localStorage) {}

  read(key: PageStateKey): string | null {
    try {
      return this.storage().getItem(key)
    } catch {
      return null
    }
  }

  /** Stores `text`; the reason when the browser refused it. */
  write(key: PageStateKey, text: string): string | undefined {
    try {
      this.storage().setItem(key, text)
      return undefined
    } catch (error) {
      return isQuotaExceeded(error) ? `browser storage is full (${formatSize(utf8Size(text))} to save)` : errorMessage(error)
    }
  }
}

function isConfigKey(key: string): boolean {
  return key === GLOBAL_CONFIG_KEY || pluginNameOfConfigKey(key) !== null
}

function assertConfigKey(key: string): void {
  if (!isConfigKey(key)) throw new Error(`Not a configuration file key: ${key}`)
}

function isQuotaExceeded(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name
  // The second name is what older Firefox versions throw.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED'
}
