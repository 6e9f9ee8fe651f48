import { FLOOD_NOTICE, MessageBudget, messageCount } from '../messageBudget'

/** Globals a plugin may not use in its sandbox: it may start no workers of its own (they would escape the limits). */
const WITHHELD = ['Worker', 'SharedWorker'] as const

type Post = (message: unknown, transfer?: Transferable[] | StructuredSerializeOptions) => void
type Scope = Record<string, unknown> & { postMessage: Post }

/**
 * Runs before any plugin code: withholds what a plugin may not use, and puts a budget on the worker's one way
 * out. Every message posted from here on, the runtime's batches (each message counted) and whatever plugin
 * code posts itself, is counted where it is posted: past the budget the worker posts {@link FLOOD_NOTICE}
 * and nothing more, so a flood is seen however slowly the frame reads it. Returns the budgeted `postMessage`,
 * bound now, so that a plugin replacing `globalThis.postMessage` cannot intercept the runtime's replies.
 */
export function lockDown(scope: Scope): Post {
  const post = budgeted(scope.postMessage.bind(scope))
  for (const name of WITHHELD) delete scope[name]
  // The scope's own postMessage is usually inherited from its prototype: replace it wherever it is defined.
  for (let holder: object | null = scope; holder !== null; holder = Object.getPrototypeOf(holder) as object | null) {
    if (Object.hasOwn(holder, 'postMessage')) (holder as Scope).postMessage = (message, transfer) => post(message, transfer)
  }
  return post
}

function budgeted(post: Post): Post {
  const budget = new MessageBudget()
  let flooded = false
  return (message, transfer) => {
    if (flooded) return
    if (budget.spend(messageCount(message))) return post(message, transfer)
    flooded = true
    post(FLOOD_NOTICE)
  }
}
