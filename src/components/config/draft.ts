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
