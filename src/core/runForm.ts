import { isPlainObject } from './plainObject'

/** What the form holds for one plugin and command: its arguments, time limit and the run it last showed. */
export interface RunDraft {
  argumentsText: string
  timeLimitSeconds: number
  runId?: number
}

/** The Execute panel's form: the chosen plugin and command, and a draft per plugin and command. */
export interface RunForm {
  plugin: string
  command: string
  drafts: Record<string, RunDraft>
}

export const MAX_KEPT_DRAFTS = 100
/** Longer arguments stay in the page but are not stored (they belong in a workspace file). */
export const MAX_KEPT_ARGUMENTS_CHARS = 64 * 1024

export function draftKey(plugin: string, command: string): string {
  return `${plugin}.${command}`
}

/** The form as stored text: the most recently touched drafts, each with arguments of a storable size. */
export function formForStorage(form: RunForm): string {
  const drafts = Object.entries(form.drafts)
    .filter(([, draft]) => draft.argumentsText.length <= MAX_KEPT_ARGUMENTS_CHARS)
    .slice(-MAX_KEPT_DRAFTS)
  return JSON.stringify({ plugin: form.plugin, command: form.command, drafts: Object.fromEntries(drafts) })
}

/** The stored form, keeping only well-formed drafts; undefined when there is none or it is unreadable. */
export function formFromStorage(text: string | null): RunForm | undefined {
  if (text === null) return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isPlainObject(value) || typeof value.plugin !== 'string' || typeof value.command !== 'string' || !isPlainObject(value.drafts)) return undefined
  const drafts = Object.entries(value.drafts).filter(([, draft]) => isDraft(draft))
  return { plugin: value.plugin, command: value.command, drafts: Object.fromEntries(drafts) as Record<string, RunDraft> }
}

function isDraft(value: unknown): value is RunDraft {
  return (
    isPlainObject(value) &&
    typeof value.argumentsText === 'string' &&
    typeof value.timeLimitSeconds === 'number' &&
    (value.runId === undefined || Number.isSafeInteger(value.runId))
  )
}
