import type { PyodideAPI } from 'pyodide'
import type { WheelRef } from '../../core/manifest/types'
import { LoadFailure } from '../sandbox/loadFailure'

/** Gets one wheel's bytes, checked against its integrity; a wheel that cannot be had fails with a LoadFailure saying why. */
export type DownloadWheel = (wheel: WheelRef) => Promise<Uint8Array>

/** Downloads every wheel of the manifest, each checked against its integrity; fails on the first that cannot be had. */
export function downloadWheels(wheels: readonly WheelRef[], download: DownloadWheel = downloadWheel): Promise<Uint8Array[]> {
  return Promise.all(wheels.map((wheel) => (wheel.bytes ? Promise.resolve(wheel.bytes) : download(wheel))))
}

/** Unpacks downloaded wheels into site-packages, like `pip install` of them all into one environment. */
export function installWheels(pyodide: PyodideAPI, archives: readonly Uint8Array[]): void {
  const sitePackages = String(pyodide.runPython('import site; site.getsitepackages()[0]'))
  for (const archive of archives) pyodide.unpackArchive(archive, 'wheel', { extractDir: sitePackages })
  pyodide.runPython('import importlib; importlib.invalidate_caches()')
}

/** A wheel over http(s), as a browser downloads it. */
export async function downloadWheel(wheel: WheelRef): Promise<Uint8Array> {
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
