// Reading cases.csv and normalising its rows, as 0.1.0 does after validation.
import { readCsvDicts } from '../python/csv.js'
import { PyAttributeError, PyFileNotFoundError, PyTypeError } from '../python/errors.js'
import { pyStr, reprStr } from '../python/repr.js'
import { pyStrip } from '../python/text.js'
import { decodeUtf8File } from '../python/utf8.js'
import { optionTypeName } from './options.js'

/** The raw rows of a cases file (Maps from csv.DictReader). */
export async function readCaseRows(fs, path) {
  if (typeof path !== 'string') {
    throw new PyTypeError(`expected str, bytes or os.PathLike object, not ${optionTypeName(path)}`)
  }
  let bytes
  try {
    bytes = await fs.readBytes(path)
  } catch (error) {
    if (error?.code === 'ENOENT') throw new PyFileNotFoundError(`[Errno 2] No such file or directory: ${reprStr(path)}`)
    throw error
  }
  return readCsvDicts(decodeUtf8File(bytes))
}

/**
 * `{k.lower().strip(): str(v).strip()}`: a short row's None cells become the text 'None'; a
 * long row's extra cells sit under the key None, which has no lower().
 */
export function normaliseCase(row) {
  const normalised = new Map()
  row.forEach((value, key) => {
    if (key === null) throw new PyAttributeError("'NoneType' object has no attribute 'lower'")
    normalised.set(pyStrip(key.toLowerCase()), pyStrip(pyStr(value)))
  })
  return normalised
}
