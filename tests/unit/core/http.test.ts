import { describe, expect, it } from 'vitest'
import { httpStatusMessage, isHttpUrl } from '../../../src/core/http'

describe('http', () => {
  it('accepts http and https URLs only', () => {
    expect(['http://a.example/', 'https://a.example/x'].map((url) => isHttpUrl(new URL(url)))).toEqual([true, true])
    expect(['file:///x', 'data:text/plain,x', 'ftp://a.example/'].map((url) => isHttpUrl(new URL(url)))).toEqual([false, false, false])
  })

  it('names the status, with its text when the server gave one', () => {
    expect(httpStatusMessage({ status: 404, statusText: 'Not Found' }, 'https://a.example/r.json')).toBe('HTTP 404 Not Found for https://a.example/r.json')
    expect(httpStatusMessage({ status: 500, statusText: '' }, 'https://a.example/r.json')).toBe('HTTP 500 for https://a.example/r.json')
  })
})
