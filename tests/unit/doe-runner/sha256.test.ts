import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { portableSha256Hex, sha256Hex } from '../../../public/plugins/doe-runner/runner/sha256.js'

describe.each([
  ['portableSha256Hex', portableSha256Hex],
  ['sha256Hex', sha256Hex],
])('%s', (_name, sha256Hex) => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('%j (FIPS 180-4 examples)', (text, digest) => {
    expect(sha256Hex(new TextEncoder().encode(text))).toBe(digest)
  })

  it("agrees with Node's crypto for every length up to three blocks, across the padding boundaries", () => {
    for (let length = 0; length <= 192; length++) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 131 + length * 7) % 256)
      expect(sha256Hex(bytes), `length ${length}`).toBe(createHash('sha256').update(bytes).digest('hex'))
    }
  })
})
