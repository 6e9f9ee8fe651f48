import { describe, expect, it } from 'vitest'
import { decodeSharedRun, encodeSharedRun, MAX_SHARED_RUN_CHARS } from '../../../src/core/shareLink'

describe('share links', () => {
  it('round-trips a run through the URL hash', async () => {
    const run = { plugin: 'doe_runner', command: 'execute_cases', arguments: 'cases_path: cases.csv\n# ünïcode ✓\nmax_workers: 4\n' }
    const encoded = await encodeSharedRun(run)
    if (!encoded.ok) throw new Error(encoded.error)
    expect(encoded.hash).toMatch(/^run=[A-Za-z0-9_-]+$/)
    expect(await decodeSharedRun(`#${encoded.hash}`)).toEqual({ ok: true, run })
  })

  it('carries the time limit, and opens a link made before it was carried', async () => {
    const run = { plugin: 'hello', command: 'count', arguments: 'to: 3', timeLimitSeconds: 2.5 }
    const encoded = await encodeSharedRun(run)
    if (!encoded.ok) throw new Error(encoded.error)
    expect(await decodeSharedRun(`#${encoded.hash}`)).toEqual({ ok: true, run })

    const old = await encodeSharedRun({ plugin: 'hello', command: 'greet', arguments: 'who: Ada' })
    if (!old.ok) throw new Error(old.error)
    expect(await decodeSharedRun(`#${old.hash}`)).toEqual({ ok: true, run: { plugin: 'hello', command: 'greet', arguments: 'who: Ada' } })
  })

  it.each([
    ['a time limit that is text', ['p', 'c', '', '60']],
    ['a time limit of zero', ['p', 'c', '', 0]],
    ['five fields', ['p', 'c', '', 60, 'x']],
  ])('refuses a link with %s', async (_, fields) => {
    const bytes = await new Response(new Blob([JSON.stringify(fields)]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer()
    const hash = `#run=${Buffer.from(bytes).toString('base64url')}`
    expect(await decodeSharedRun(hash)).toEqual({ ok: false, error: 'This share link is damaged and was ignored (unexpected content)' })
  })

  it('ignores a hash without a run', async () => {
    expect(await decodeSharedRun('')).toBeUndefined()
    expect(await decodeSharedRun('#other=1')).toBeUndefined()
  })

  it('refuses arguments too large for a link with the exact message', async () => {
    let noise = ''
    let seed = 7
    while (noise.length < 60_000) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      noise += seed.toString(36)
    }
    const encoded = await encodeSharedRun({ plugin: 'p', command: 'c', arguments: noise })
    expect(encoded.ok).toBe(false)
    expect(encoded.ok === false && encoded.error).toMatch(
      new RegExp(
        `^These arguments are too large to share in a link: [\\d,]+ characters compressed, the limit is ${MAX_SHARED_RUN_CHARS.toLocaleString('en')}\\. Put the data in a workspace file instead\\.$`,
      ),
    )
  })

  it.each([
    ['#run=%%%', /^This share link is damaged and was ignored \(.+\)$/],
    ['#run=AAAA', /^This share link is damaged and was ignored \(.+\)$/],
  ])('a damaged link %s is reported, not thrown', async (hash, message) => {
    const decoded = await decodeSharedRun(hash)
    expect(decoded?.ok).toBe(false)
    expect(decoded?.ok === false && decoded.error).toMatch(message)
  })

  it('stops expanding a small link that would decompress into a huge text', async () => {
    const bomb = await new Response(
      new Blob([new Uint8Array(8 * 1024 * 1024).fill(32)]).stream().pipeThrough(new CompressionStream('deflate-raw')),
    ).arrayBuffer()
    let binary = ''
    for (const byte of new Uint8Array(bomb)) binary += String.fromCharCode(byte)
    const hash = `#run=${btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}`
    expect(hash.length).toBeLessThan(20_000)
    expect(await decodeSharedRun(hash)).toEqual({
      ok: false,
      error: 'This share link is damaged and was ignored (the shared run is larger than 1 MiB)',
    })
  })
})
