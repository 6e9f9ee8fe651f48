import { isPlainObject } from '../core/plainObject'
import { LOAD_STAGES as STAGES, type LoadStage, type WorkerMessage } from './protocol'

const LOAD_STAGES: ReadonlySet<unknown> = new Set<LoadStage>(STAGES)

/**
 * A message from a sandbox worker, rebuilt field by field from what the protocol allows; undefined for
 * anything else. Plugin code can post to the app too, so nothing it sends is taken on trust.
 */
export function parseWorkerMessage(data: unknown): WorkerMessage | undefined {
  if (!isPlainObject(data) || !Number.isSafeInteger(data.id)) return undefined
  const id = data.id as number
  switch (data.type) {
    case 'reply':
      if (data.ok === true) return { type: 'reply', id, ok: true, value: data.value }
      return data.ok === false && typeof data.message === 'string' ? { type: 'reply', id, ok: false, message: data.message } : undefined
    case 'stage':
      return LOAD_STAGES.has(data.stage) ? { type: 'stage', id, stage: data.stage as LoadStage } : undefined
    case 'log':
      if (typeof data.message !== 'string') return undefined
      if (data.dropped === undefined) return { type: 'log', id, message: data.message }
      return Number.isSafeInteger(data.dropped) && (data.dropped as number) > 0
        ? { type: 'log', id, message: data.message, dropped: data.dropped as number }
        : undefined
    case 'progress':
      if (!Number.isFinite(data.done) || !Number.isFinite(data.total)) return undefined
      if (data.label !== undefined && typeof data.label !== 'string') return undefined
      return { type: 'progress', id, done: data.done as number, total: data.total as number, ...(data.label === undefined ? {} : { label: data.label }) }
    case 'fs':
      if (!Number.isSafeInteger(data.fsId) || typeof data.op !== 'string' || !Array.isArray(data.args)) return undefined
      return { type: 'fs', id, fsId: data.fsId as number, op: data.op, args: data.args }
    default:
      return undefined
  }
}
