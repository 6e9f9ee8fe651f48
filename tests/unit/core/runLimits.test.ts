import { describe, expect, it } from 'vitest'
import { LogTail, linesToDrop } from '../../../src/core/logTail'
import { runTimeLimitMs } from '../../../src/core/runTimeLimit'

describe('runTimeLimitMs', () => {
  it.each([
    [60, 60_000],
    [2.5, 2_500],
    [0, 100],
    [-5, 100],
    [1e9, 86_400_000],
    [Number.NaN, 30_000],
    [Number.POSITIVE_INFINITY, 30_000],
  ])('%s s → %s ms', (seconds, expected) => {
    expect(runTimeLimitMs(seconds, 30_000)).toBe(expected)
  })
})

describe('LogTail', () => {
  it('splits messages into lines and keeps the last ones', () => {
    const tail = new LogTail(3)
    tail.append('a\nb')
    tail.append('c')
    expect([tail.lines, tail.dropped]).toEqual([['a', 'b', 'c'], 0])
    tail.append('d\ne')
    expect([tail.lines, tail.dropped]).toEqual([['c', 'd', 'e'], 2])
  })

  it('keeps the newest lines across a million single-line appends', () => {
    const tail = new LogTail(5_000)
    for (let line = 0; line < 1_000_000; line++) tail.append(`line ${line}`)
    expect(tail.lines).toHaveLength(5_000)
    expect([tail.lines[0], tail.lines.at(-1), tail.dropped]).toEqual(['line 995000', 'line 999999', 995_000])
  })

  it('takes a message of 300,000 lines without overflowing the stack', () => {
    const tail = new LogTail(5_000)
    tail.append(Array.from({ length: 300_000 }, (_, index) => `line ${index}`).join('\n'))
    expect(tail.lines).toHaveLength(5_000)
    expect(tail.lines.at(-1)).toBe('line 299999')
    expect(tail.dropped).toBe(295_000)
  })
})

describe('a log bounded in characters', () => {
  it.each([
    ['nothing to drop', ['aa', 'bb'], 10, 10, 0],
    ['too many lines', ['a', 'b', 'c'], 2, 10, 1],
    ['too many characters', ['aaaa', 'bbbb', 'cccc'], 10, 8, 1],
    ['the newest line alone is too long: it stays', ['a', 'b'.repeat(50)], 10, 8, 1],
    ['an empty log', [], 10, 8, 0],
  ])('%s', (_, lines, maxLines, maxChars, dropped) => {
    expect(linesToDrop(lines, maxLines, maxChars)).toBe(dropped)
  })

  it('keeps the newest mebibyte of 3,000 lines of 10,000 characters, and counts the rest', () => {
    const tail = new LogTail()
    for (let line = 0; line < 3_000; line++) tail.append(`line ${line} `.padEnd(10_000, '='))
    expect(tail.lines).toHaveLength(104)
    expect(tail.lines.at(-1)?.startsWith('line 2999 ')).toBe(true)
    expect(tail.dropped).toBe(2_896)
  })
})
