const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/

// Controls and the bidirectional formatting characters: shown raw, a key could reorder or hide the text around it.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

/** Appends a key to a dotted JSON path, quoting keys that are not plain (`entry-points."strataregula.plugins".foo`). */
export function childPath(parent: string, key: string): string {
  const segment = PLAIN_KEY.test(key) ? key : quotedKey(key)
  return parent === '' ? segment : `${parent}.${segment}`
}

function quotedKey(key: string): string {
  return JSON.stringify(key).replace(INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
