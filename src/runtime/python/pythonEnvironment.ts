import type { NetworkPolicy } from '../../core/networkPolicy'
import { FLOOD_EVENT, type SandboxWorker } from '../channel'
import { forEachMessage } from '../messageBatch'
import { isPlainObject } from '../../core/plainObject'
import type { PoolAdmission } from '../pluginSandbox'
import type { HostMessage } from '../protocol'
import type { PoolMember, SandboxPool } from '../sandboxPool'
import type { StartWorker } from '../sandboxSession'

/**
 * What a Python sandbox counts in the pool (of 8 units, where a JavaScript worker counts 1): a CPython runtime
 * takes about 200 MB of memory and seconds of a core to start, so at most two are live at once.
 */
export const PYTHON_SANDBOX_WEIGHT = 4

/** The requests that get a reply; their ids are the app's, per plugin, and travel renumbered. */
const REQUEST_TYPES: ReadonlySet<string> = new Set(['load', 'load-python', 'describe', 'health', 'call'])

/** What the pool sees of one plugin's use of an environment: its sandbox, busy or not. */
export interface EnvironmentUser {
  readonly isBusy: boolean
}

/**
 * The one Python sandbox of a manifest: its wheels are one virtual environment (spec §8), so one worker runs
 * CPython with all of them installed and hosts every Python plugin of the manifest. Each plugin's sandbox
 * talks to it through a port of its own (a SandboxWorker whose request ids are renumbered on the way), so two
 * Python plugins cost one CPython, counted once in the pool. A port stopped while a request of its plugin is
 * open (Cancel, a time limit, a hung load) stops the worker for every plugin, as the worker cannot be
 * interrupted otherwise: each plugin loads again on its next use. The worker stops too when the pool
 * retires it, or when its last port is closed.
 */
export class PythonEnvironment implements PoolMember {
  readonly weight = PYTHON_SANDBOX_WEIGHT
  private worker: Promise<SandboxWorker> | undefined
  private readonly ports = new Set<EnvironmentPort>()
  private readonly routes = new Map<number, { port: EnvironmentPort; id: number }>()
  private readonly users = new Set<EnvironmentUser>()
  private nextId = 1
  /** The pool as the plugins' sandboxes see it: asking for room, or saying they are used, is done for the environment. */
  readonly admission: PoolAdmission

  constructor(
    private readonly pool: SandboxPool,
    private readonly startWorker: StartWorker,
  ) {
    this.admission = {
      admit: () => pool.admit(this),
      touch: () => pool.touch(this),
      // The environment leaves the pool when its worker stops, not when one plugin's session does.
      leave: () => undefined,
      idle: () => pool.idle(),
    }
  }

  get isBusy(): boolean {
    return [...this.users].some((user) => user.isBusy)
  }

  retire(): void {
    this.stop('the Python sandbox was retired while idle')
  }

  /** A plugin's sandbox that uses the environment: the pool never retires it while that sandbox is busy. */
  join(user: EnvironmentUser): void {
    this.users.add(user)
  }

  /** A port to the environment's worker for the sandbox of plugin `name`; the worker starts on the first. */
  readonly open: StartWorker = async (name, policy) => {
    // Every plugin of a manifest has the manifest's policy: its wheels, its origin and its `connect` list.
    this.worker ??= this.startShared(name, policy)
    const worker = this.worker
    try {
      await worker
    } catch (error) {
      if (this.worker === worker) this.worker = undefined
      throw error
    }
    const port = new EnvironmentPort(this)
    this.ports.add(port)
    return port
  }

  send(port: EnvironmentPort, data: HostMessage | HostMessage[]): void {
    const worker = this.worker
    if (!worker || !this.ports.has(port)) return
    const renumbered: HostMessage[] = []
    forEachMessage(data, (value) => {
      const message = value as HostMessage
      if (message.type === 'fs-reply') renumbered.push(message)
      else if (message.type === 'abort') {
        const id = port.sharedIds.get(message.id)
        if (id !== undefined) renumbered.push({ ...message, id })
      } else if (REQUEST_TYPES.has(message.type)) {
        const id = this.nextId++
        this.routes.set(id, { port, id: message.id })
        port.sharedIds.set(message.id, id)
        renumbered.push({ ...message, id })
      }
    })
    void worker.then((started) => {
      if (this.worker === worker && renumbered.length > 0) started.postMessage(renumbered.length === 1 ? renumbered[0]! : renumbered)
    })
  }

  /** A port is closed: the worker stops when the port's plugin is inside it, or when no port is left. */
  close(port: EnvironmentPort): void {
    if (!this.ports.delete(port)) return
    if (port.sharedIds.size > 0) this.stop("the plugin's worker was stopped while another plugin of its manifest was running in it", port)
    else if (this.ports.size === 0) this.stop('no plugin uses the Python sandbox any more')
  }

  private startShared(name: string, policy: NetworkPolicy): Promise<SandboxWorker> {
    return Promise.resolve(this.startWorker(name, policy)).then((worker) => {
      worker.addEventListener('message', (event) => forEachMessage((event as MessageEvent).data, (message) => this.route(message)))
      worker.addEventListener('error', (event) =>
        this.toEveryPort(() => Object.assign(new Event('error', { cancelable: true }), { message: (event as Partial<ErrorEvent>).message })),
      )
      worker.addEventListener('messageerror', () => this.toEveryPort(() => new Event('messageerror')))
      worker.addEventListener(FLOOD_EVENT, () => this.toEveryPort(() => new Event(FLOOD_EVENT)))
      return worker
    })
  }

  /** Hands a worker message to the port of the request it belongs to; messages of no open request are dropped. */
  private route(message: unknown): void {
    if (!isPlainObject(message) || typeof message.id !== 'number') return
    const route = this.routes.get(message.id)
    if (!route) return
    if (message.type === 'reply') {
      this.routes.delete(message.id)
      route.port.sharedIds.delete(route.id)
    }
    route.port.dispatchEvent(new MessageEvent('message', { data: { ...message, id: route.id } }))
  }

  private toEveryPort(event: () => Event): void {
    for (const port of [...this.ports]) port.dispatchEvent(event())
  }

  /** Stops the worker; the ports still open hear that it stopped, with `reason`. */
  private stop(reason: string, closedBy?: EnvironmentPort): void {
    const worker = this.worker
    if (!worker) return
    this.worker = undefined
    const open = [...this.ports].filter((port) => port !== closedBy)
    this.ports.clear()
    this.routes.clear()
    void worker.then((started) => started.terminate())
    this.pool.leave(this)
    for (const port of open) port.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: reason }))
  }
}

/** One plugin's view of its environment's worker. */
class EnvironmentPort extends EventTarget implements SandboxWorker {
  /** The shared id of each open request, by the plugin's own id. */
  readonly sharedIds = new Map<number, number>()

  constructor(private readonly environment: PythonEnvironment) {
    super()
  }

  postMessage(message: HostMessage | HostMessage[]): void {
    this.environment.send(this, message)
  }

  terminate(): void {
    this.environment.close(this)
  }
}
