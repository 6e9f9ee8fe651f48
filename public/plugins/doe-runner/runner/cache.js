// The result cache: `.doe_cache/<first 16 hex digits of sha256(key)>.json` in the workspace,
// written as 0.1.0 writes it (json.dump(indent=2) of the result plus _cache_meta).
import { PyAttributeError, PyValueError } from '../python/errors.js'
import { dumpPyJson, parsePyJson } from '../python/json.js'
import { pyTypeName } from '../python/repr.js'
import { decodeUtf8File } from '../python/utf8.js'
import { resultFromDict, resultToDict } from './result.js'
import { sha256Hex } from './sha256.js'

export const CACHE_DIR = '.doe_cache'
const VERSION = '0.1.0'
const encoder = new TextEncoder()

/** `"<case_id>|<backend>|<cmd_template>|<seed>|0.1.0"` of a normalised case. */
export function cacheKeyText(caseRow) {
  const parts = ['case_id', 'backend', 'cmd_template', 'seed'].map((column) => caseRow.get(column) ?? '')
  return [...parts, VERSION].join('|')
}

/** The 16-hex-digit cache key of a normalised case. */
export function caseHash(caseRow) {
  return sha256Hex(encoder.encode(cacheKeyText(caseRow))).slice(0, 16)
}

const entryPath = (hash) => `${CACHE_DIR}/${hash}.json`

export class CaseCache {
  constructor(fs) {
    this.fs = fs
  }

  /** The hashes present, as `glob('*.json')` in the cache folder sees them. */
  async hashes() {
    const names = await this.fs.list(CACHE_DIR)
    return new Set(names.filter((name) => !name.includes('/') && name.endsWith('.json')).map((name) => name.slice(0, -5)))
  }

  /**
   * The cached result, or null where 0.1.0's load() returns None (undecodable JSON or a dict
   * that is not a result). Throws PyAttributeError when the JSON is not an object, as
   * `data.pop(...)` does in 0.1.0.
   */
  async load(hash) {
    let data
    try {
      data = parsePyJson(decodeUtf8File(await this.fs.readBytes(entryPath(hash))))
    } catch (error) {
      if (error instanceof PyValueError) return null
      throw error
    }
    if (!(data instanceof Map)) throw new PyAttributeError(`'${pyTypeName(data)}' object has no attribute 'pop'`)
    data.delete('_cache_meta')
    return resultFromDict(data)
  }

  save(hash, result) {
    const data = resultToDict(result)
    data.set(
      '_cache_meta',
      new Map([
        ['cached_at', result.ts_end],
        ['cache_version', '1.0'],
      ]),
    )
    return this.fs.writeText(entryPath(hash), dumpPyJson(data))
  }

  /** Removes every entry; the number removed. */
  async clear() {
    const hashes = await this.hashes()
    await Promise.all([...hashes].map((hash) => this.fs.remove(entryPath(hash))))
    return hashes.size
  }
}
