import type { PyodideAPI } from 'pyodide'
import type { WheelRef } from '../../core/manifest/types'
import { LoadFailure } from '../sandbox/loadFailure'

/**
 * Installs every wheel of the manifest into site-packages, like `pip install` into one environment.
 * All are downloaded (and checked against their integrity) before the first is unpacked.
 */
export async function installWheels(pyodide: PyodideAPI, wheels: readonly WheelRef[]): Promise<void> {
  const archives = await Promise.all(wheels.map(fetchWheel))
  const sitePackages = String(pyodide.runPython('import site; site.getsitepackages()[0]'))
  for (const archive of archives) pyodide.unpackArchive(archive, 'wheel', { extractDir: sitePackages })
  pyodide.runPython('import importlib; importlib.invalidate_caches()')
}

async function fetchWheel(wheel: WheelRef): Promise<Uint8Array> {
  let response: Response
  try {
    response = await fetch(wheel.url, wheel.integrity ? { integrity: wheel.integrity } : {})
  } catch {
    // A mismatch and a refused request look the same; a second request without the check tells them apart.
    const reachable = wheel.integrity ? await fetch(wheel.url).then((plain) => plain.ok, () => false) : false
    throw new LoadFailure(reachable ? `integrity check failed: the bytes of ${wheel.url} do not match ${wheel.integrity}` : `could not download ${wheel.url} (network error or CORS refusal)`)
  }
  if (!response.ok) throw new LoadFailure(`could not download ${wheel.url}: HTTP ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}
