const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/

/** Appends a key to a dotted JSON path, quoting keys that are not plain (`entry-points."strataregula.plugins".foo`). */
export function childPath(parent: string, key: string): string {
  const segment = PLAIN_KEY.test(key) ? key : JSON.stringify(key)
  return parent === '' ? segment : `${parent}.${segment}`
}
