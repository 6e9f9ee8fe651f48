import { strFromU8, unzipSync } from 'fflate'
import { errorMessage } from '../errorMessage'
import { MiB, formatLimit } from '../format'

/** The files of a wheel's `*.dist-info` folder that listing needs. */
export interface WheelDistInfo {
  /** `name-version.dist-info` */
  folder: string
  metadata: string
  entryPoints?: string
}

const DIST_INFO_FILE = /^([^/]+\.dist-info)\/(METADATA|entry_points\.txt)$/
/** METADATA and entry_points.txt are a few KiB; a larger one is not worth unpacking in the page. */
const MAX_DIST_INFO_FILE_BYTES = MiB

/** Unpacks only METADATA and entry_points.txt of a wheel (a zip archive); throws an Error saying what is wrong. */
export function readWheelDistInfo(bytes: Uint8Array): WheelDistInfo {
  const tooLarge: string[] = []
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!DIST_INFO_FILE.test(file.name)) return false
        if (file.originalSize <= MAX_DIST_INFO_FILE_BYTES) return true
        tooLarge.push(file.name)
        return false
      },
    })
  } catch (error) {
    throw new Error(`not a zip archive (${errorMessage(error)})`)
  }
  if (tooLarge.length) throw new Error(`${tooLarge[0]} is larger than ${formatLimit(MAX_DIST_INFO_FILE_BYTES)}`)
  const folders = [...new Set(Object.keys(files).map((name) => DIST_INFO_FILE.exec(name)![1]!))].sort()
  if (folders.length > 1) throw new Error(`more than one *.dist-info folder (${folders.join(', ')})`)
  const folder = folders[0]
  const metadata = folder === undefined ? undefined : files[`${folder}/METADATA`]
  if (folder === undefined || metadata === undefined) throw new Error('no *.dist-info/METADATA in the wheel')
  const entryPoints = files[`${folder}/entry_points.txt`]
  const distInfo: WheelDistInfo = { folder, metadata: strFromU8(metadata) }
  if (entryPoints) distInfo.entryPoints = strFromU8(entryPoints)
  return distInfo
}
