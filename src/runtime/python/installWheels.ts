import type { PyodideAPI } from 'pyodide'
import type { WheelRef } from '../../core/manifest/types'
import { LoadFailure } from '../sandbox/loadFailure'

/** Downloads every wheel of the manifest, each checked against its integrity; fails on the first that cannot be had. */
export function downloadWheels(wheels: readonly WheelRef[]): Promise<Uint8Array[]> {
  return Promise.all(wheels.map(downloadWheel))
}

/** Unpacks downloaded wheels into site-packages, like `pip install` of them all into one environment. */
export function installWheels(pyodide: PyodideAPI, archives: readonly Uint8Array[]): void {
  const sitePackages = String(pyodide.runPython('import site; site.getsitepackages()[0]'))
  for (const archive of archives) pyodide.unpackArchive(archive, 'wheel', { extractDir: sitePackages })
  pyodide.runPython('import importlib; importlib.invalidate_caches()')
}

async function downloadWheel(wheel: WheelRef): Promise<Uint8Array> {
  let response: Response
  try {
    response = await fetch(wheel.url, wheel.integrity ? { integrity: wheel.integrity } : {})
  } catch {
    // A mismatch and a refused request look the same; a second request without the check tells them apart.
    const reachable = wheel.integrity
      ? await fetch(wheel.url).then(
          (plain) => plain.ok,
          () => false,
        )
      : false
    throw new LoadFailure(
      reachable
        ? `integrity check failed: the bytes of ${wheel.url} do not match ${wheel.integrity}`
        : `could not download ${wheel.url} (network error or CORS refusal)`,
    )
  }
  if (!response.ok) throw new LoadFailure(`could not download ${wheel.url}: HTTP ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}
