import { describe, expect, it } from 'vitest'
import { jstIsoformat, jstRunLabel, localIsoformat, timedeltaStr } from '../../../public/plugins/doe-runner/python/datetime.js'
import { runLogPath } from '../../../public/plugins/doe-runner/runner/runlog.js'

// 2026-11-24T18:59:45.504889Z in microseconds since the epoch
const INSTANT = Date.UTC(2026, 10, 24, 18, 59, 45, 504) * 1000 + 889

describe('datetime texts', () => {
  it('isoformat() of a JST time, and the run log label', () => {
    expect(jstIsoformat(INSTANT)).toBe('2026-11-25T03:59:45.504889+09:00')
    expect(jstRunLabel(INSTANT)).toBe('20261125-0359-JST')
  })

  it('isoformat() of a naive local time leaves out microseconds when they are 0', () => {
    const local = new Date(INSTANT / 1000)
    const pad = (number: number) => String(number).padStart(2, '0')
    const seconds = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}T${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}`
    expect(localIsoformat(INSTANT)).toBe(`${seconds}.504889`)
    expect(localIsoformat(INSTANT - 504889)).toBe(seconds)
  })

  // str(timedelta(microseconds=n)) in Python 3.11
  it.each([
    [115177, '0:00:00.115177'],
    [0, '0:00:00'],
    [86_400_000_001, '1 day, 0:00:00.000001'],
    [2 * 86_400_000_000 + 3_723_000_000, '2 days, 1:02:03'],
    [-1, '-1 day, 23:59:59.999999'],
  ])('timedelta of %s µs is %s', (micros, text) => {
    expect(timedeltaStr(micros)).toBe(text)
  })

  it.each([
    ['docs/run', 'docs/run/20261125-0359-JST-doe-runner.md'],
    ['logs/', 'logs/20261125-0359-JST-doe-runner.md'],
    ['', '20261125-0359-JST-doe-runner.md'],
    ['.', '20261125-0359-JST-doe-runner.md'],
  ])('the run log for run_log_dir %j is %s', (dir, path) => {
    expect(runLogPath(dir, INSTANT)).toBe(path)
  })
})
