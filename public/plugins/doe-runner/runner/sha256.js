// SHA-256 (FIPS 180-4), synchronous: the cache key of every case is hashed, and awaiting
// crypto.subtle.digest once per case costs more than hashing a few dozen bytes here. Where the
// host is Node, its native hash gives the same digest without warming this code up first.

const PRIMES = [2]
for (let candidate = 3; PRIMES.length < 64; candidate += 2) {
  if (PRIMES.every((prime) => candidate % prime !== 0)) PRIMES.push(candidate)
}
/** The first 32 bits of the fractional part of `root`. */
const fractionBits = (root) => Math.floor((root - Math.floor(root)) * 2 ** 32) >>> 0
// The initial hash value and the round constants, from the square and cube roots of the primes.
const INITIAL = Uint32Array.from(PRIMES.slice(0, 8), (prime) => fractionBits(Math.sqrt(prime)))
const ROUND = Uint32Array.from(PRIMES, (prime) => fractionBits(Math.cbrt(prime)))

const schedule = new Uint32Array(64)

const rotate = (word, bits) => (word >>> bits) | (word << (32 - bits))

/** The padded message as big-endian 32-bit words. */
function paddedWords(bytes) {
  const blocks = Math.ceil((bytes.length + 9) / 64)
  const words = new Uint32Array(blocks * 16)
  for (let index = 0; index < bytes.length; index++) words[index >> 2] |= bytes[index] << (24 - (index % 4) * 8)
  words[bytes.length >> 2] |= 0x80 << (24 - (bytes.length % 4) * 8)
  const bitLength = bytes.length * 8
  words[words.length - 2] = Math.floor(bitLength / 2 ** 32)
  words[words.length - 1] = bitLength >>> 0
  return words
}

/** The SHA-256 digest of `bytes` in lower-case hex, in plain JavaScript. */
export function portableSha256Hex(bytes) {
  const words = paddedWords(bytes)
  const hash = INITIAL.slice()
  for (let block = 0; block < words.length; block += 16) {
    for (let t = 0; t < 16; t++) schedule[t] = words[block + t]
    for (let t = 16; t < 64; t++) {
      const before15 = schedule[t - 15]
      const before2 = schedule[t - 2]
      const sigma0 = rotate(before15, 7) ^ rotate(before15, 18) ^ (before15 >>> 3)
      const sigma1 = rotate(before2, 17) ^ rotate(before2, 19) ^ (before2 >>> 10)
      schedule[t] = schedule[t - 16] + sigma0 + schedule[t - 7] + sigma1
    }
    let a = hash[0]
    let b = hash[1]
    let c = hash[2]
    let d = hash[3]
    let e = hash[4]
    let f = hash[5]
    let g = hash[6]
    let h = hash[7]
    for (let t = 0; t < 64; t++) {
      const sum1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
      const choice = (e & f) ^ (~e & g)
      const temp1 = (h + sum1 + choice + ROUND[t] + schedule[t]) | 0
      const sum0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
      const majority = (a & b) ^ (a & c) ^ (b & c)
      const temp2 = (sum0 + majority) | 0
      h = g
      g = f
      f = e
      e = (d + temp1) | 0
      d = c
      c = b
      b = a
      a = (temp1 + temp2) | 0
    }
    hash[0] += a
    hash[1] += b
    hash[2] += c
    hash[3] += d
    hash[4] += e
    hash[5] += f
    hash[6] += g
    hash[7] += h
  }
  let hex = ''
  for (const word of hash) hex += word.toString(16).padStart(8, '0')
  return hex
}

/** @type {{ createHash(algorithm: string): { update(bytes: Uint8Array): { digest(encoding: string): string } } } | undefined} */
const nodeCrypto = /** @type {any} */ (globalThis).process?.getBuiltinModule?.('node:crypto')

/** The SHA-256 digest of `bytes` in lower-case hex. */
export const sha256Hex = nodeCrypto ? (bytes) => nodeCrypto.createHash('sha256').update(bytes).digest('hex') : portableSha256Hex
