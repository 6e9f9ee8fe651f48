import { describe, expect, it } from 'vitest'
import { registryUrlsFromPage } from '../../../src/core/registryUrls'

describe('registryUrlsFromPage', () => {
  it.each([
    ['https://app.example/', ['https://app.example/registry.json']],
    ['https://app.example/play/?x=1', ['https://app.example/play/registry.json']],
    ['https://app.example/?registry=https://r.example/a.json', ['https://r.example/a.json']],
    [
      'https://app.example/?registry=https://r.example/a.json&registry=./local.json&registry=https://r.example/a.json',
      ['https://r.example/a.json', 'https://app.example/local.json'],
    ],
    ['https://app.example/?registry=', ['https://app.example/registry.json']],
  ])('%s', (page, expected) => {
    expect(registryUrlsFromPage(page)).toEqual(expected)
  })
})
