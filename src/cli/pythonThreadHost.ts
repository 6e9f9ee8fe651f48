import { readFile } from 'node:fs/promises'
import { parentPort } from 'node:worker_threads'
import { errorMessage } from '../core/errorMessage'
import { checkIntegrity } from '../core/integrity'
import type { WheelRef } from '../core/manifest/types'
import { forEachMessage } from '../runtime/messageBatch'
import type { HostMessage } from '../runtime/protocol'
import { downloadWheel } from '../runtime/python/installWheels'
import { PythonPluginHost } from '../runtime/python/pythonHost'
import { LoadFailure } from '../runtime/sandbox/loadFailure'

const port = parentPort
if (!port) throw new Error('the Python host must run in a worker thread')
const host = new PythonPluginHost((message) => port.postMessage(message), readWheel)
port.on('message', (data: HostMessage | HostMessage[]) => forEachMessage(data, (message) => host.receive(message as HostMessage)))

/** A wheel of a local manifest is read from disk, with the integrity check a download gets; others are downloaded. */
async function readWheel(wheel: WheelRef): Promise<Uint8Array> {
  if (!wheel.url.startsWith('file:')) return downloadWheel(wheel)
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = new Uint8Array(await readFile(new URL(wheel.url)))
  } catch (error) {
    throw new LoadFailure(`could not read ${wheel.url}: ${errorMessage(error)}`)
  }
  if (wheel.integrity && !(await checkIntegrity(bytes, wheel.integrity)).matches) {
    throw new LoadFailure(`integrity check failed: the bytes of ${wheel.url} do not match ${wheel.integrity}`)
  }
  return bytes
}
