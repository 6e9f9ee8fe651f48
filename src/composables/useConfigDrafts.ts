import { computed, ref, type Ref } from 'vue'
import type { ConfigFileState } from '../core/config/types'
import { useLeaveWarning } from './useLeaveWarning'

/** Text being edited in the Config panel, and the stored text it started from. */
export interface ConfigDraft {
  text: string
  /** The file's text when the edit started; when the stored text moves on (another tab), the user is told. */
  base: string
}

/** True when `draft` holds text that differs from the stored text. */
export function hasUnsavedEdits(draft: ConfigDraft | undefined, storedText: string): draft is ConfigDraft {
  return draft !== undefined && draft.text !== storedText
}

/**
 * Unsaved text of each configuration file by storage key, kept while the user switches between files; while
 * any is unsaved, leaving the page asks first.
 */
export function useConfigDrafts(files: Ref<readonly ConfigFileState<unknown>[]>) {
  const drafts = ref<Record<string, ConfigDraft | undefined>>({})
  const unsavedKeys = computed(() => files.value.filter((file) => hasUnsavedEdits(drafts.value[file.key], file.text)).map((file) => file.key))
  useLeaveWarning(() => unsavedKeys.value.length > 0)
  return { drafts, unsavedKeys }
}
