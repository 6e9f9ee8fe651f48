import { describe, expect, it } from 'vitest'
import { exitCodeNote, formatRunStart, runStatus } from '../../../src/core/runStatus'

describe('run status and exit codes', () => {
  it('tells a cancelled run from a failed one', () => {
    expect(runStatus(undefined, false)).toBe('running')
    expect(runStatus({ status: 'success' }, false)).toBe('success')
    expect(runStatus({ status: 'error', message: 'Plugin execution cancelled' }, true)).toBe('cancelled')
    expect(runStatus({ status: 'error', message: 'Plugin execution timed out after 5 ms' }, false)).toBe('failed')
  })

  it('gives the meaning of an exit code other than 0 from get_info().exit_codes', () => {
    const codes = { 0: 'All cases executed successfully', 3: 'Execution or configuration error' }
    expect(exitCodeNote({ status: 'success', exit_code: 3 }, codes)).toBe('exit code 3: Execution or configuration error')
    expect(exitCodeNote({ status: 'success', exit_code: 5 }, codes)).toBe('exit code 5')
    expect(exitCodeNote({ status: 'success', exit_code: 2 }, undefined)).toBe('exit code 2')
    expect(exitCodeNote({ status: 'success', exit_code: 0 }, codes)).toBeUndefined()
    expect(exitCodeNote({ status: 'success' }, codes)).toBeUndefined()
  })
})

describe('formatRunStart', () => {
  it('gives the time for a run of today and the date too for an older one', () => {
    const now = new Date(2026, 11, 3, 12, 30, 0).getTime()
    expect(formatRunStart(new Date(2026, 11, 3, 9, 5, 7).getTime(), now)).toBe('09:05:07')
    expect(formatRunStart(new Date(2026, 11, 2, 23, 59, 1).getTime(), now)).toBe('2 Dec 2026, 23:59:01')
  })
})
