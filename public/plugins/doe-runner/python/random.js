// CPython's `random.Random`: MT19937 seeded the way random.seed(int) does it, and the
// float-producing methods replayed operation for operation.

const N = 624
const M = 397
const UPPER_MASK = 0x80000000
const LOWER_MASK = 0x7fffffff
const MATRIX_A = 0x9908b0df

export class PyRandom {
  #state = new Uint32Array(N)
  #index = N

  /** `seed`: a bigint (Python int, sign ignored as CPython does) or a Uint32Array key. */
  constructor(seed) {
    this.#initByArray(typeof seed === 'bigint' ? keyFromInt(seed) : seed)
  }

  /** A generator seeded from the platform's entropy, like `random.seed()` with no argument. */
  static fromEntropy() {
    return new PyRandom(crypto.getRandomValues(new Uint32Array(N)))
  }

  #initGenrand(seed) {
    const mt = this.#state
    mt[0] = seed
    for (let i = 1; i < N; i++) {
      const previous = mt[i - 1] ^ (mt[i - 1] >>> 30)
      mt[i] = Math.imul(1812433253, previous) + i
    }
    this.#index = N
  }

  #initByArray(key) {
    const mt = this.#state
    this.#initGenrand(19650218)
    let i = 1
    let j = 0
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const previous = mt[i - 1] ^ (mt[i - 1] >>> 30)
      mt[i] = (mt[i] ^ Math.imul(previous, 1664525)) + key[j] + j
      i++
      j++
      if (i >= N) {
        mt[0] = mt[N - 1]
        i = 1
      }
      if (j >= key.length) j = 0
    }
    for (let k = N - 1; k > 0; k--) {
      const previous = mt[i - 1] ^ (mt[i - 1] >>> 30)
      mt[i] = (mt[i] ^ Math.imul(previous, 1566083941)) - i
      i++
      if (i >= N) {
        mt[0] = mt[N - 1]
        i = 1
      }
    }
    mt[0] = 0x80000000
  }

  #twist() {
    const mt = this.#state
    for (let k = 0; k < N; k++) {
      const y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK)
      mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0)
    }
    this.#index = 0
  }

  /** `getrandbits(32)` */
  nextUint32() {
    if (this.#index >= N) this.#twist()
    let y = this.#state[this.#index++]
    y ^= y >>> 11
    y ^= (y << 7) & 0x9d2c5680
    y ^= (y << 15) & 0xefc60000
    y ^= y >>> 18
    return y >>> 0
  }

  /** `random()`: 53 random bits → [0, 1). */
  random() {
    const high = this.nextUint32() >>> 5
    const low = this.nextUint32() >>> 6
    return (high * 67108864 + low) * (1 / 9007199254740992)
  }

  /** `uniform(a, b)` = a + (b - a) * random() */
  uniform(a, b) {
    return a + (b - a) * this.random()
  }

  /** `choices(population, weights)[0]`: cumulative weights, then bisect_right. */
  choice(population, weights) {
    const cumulative = []
    let sum = 0
    for (const weight of weights) cumulative.push((sum += weight))
    const target = this.random() * (cumulative[cumulative.length - 1] + 0)
    let low = 0
    let high = population.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (target < cumulative[middle]) high = middle
      else low = middle + 1
    }
    return population[low]
  }
}

/** The 32-bit words of |n|, least significant first (at least one word), as CPython builds its key. */
function keyFromInt(n) {
  let magnitude = n < 0n ? -n : n
  const words = []
  do {
    words.push(Number(magnitude & 0xffffffffn))
    magnitude >>= 32n
  } while (magnitude > 0n)
  return Uint32Array.from(words)
}
