import { describe, expect, it } from 'vitest'
import { registryUrlsFromPage, withBundledRegistry, withRegistryAdded } from '../../../src/core/registryUrls'

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

describe('withRegistryAdded', () => {
  it.each([
    ['https://app.example/', ' https://r.example/a.json ', 'https://app.example/?registry=https%3A%2F%2Fr.example%2Fa.json'],
    ['https://app.example/?registry=a.json#run=x', './b.json', 'https://app.example/?registry=a.json&registry=.%2Fb.json#run=x'],
  ])('%s + %s', (page, registry, expected) => {
    expect(withRegistryAdded(page, registry)).toBe(expected)
    expect(registryUrlsFromPage(expected)).toContain(new URL(registry.trim(), page).href)
  })
})

describe('withBundledRegistry', () => {
  it('drops every registry parameter and keeps the rest', () => {
    const page = withBundledRegistry('https://app.example/play/?registry=a.json&x=1&registry=b.json#run=y')
    expect(page).toBe('https://app.example/play/?x=1#run=y')
    expect(registryUrlsFromPage(page)).toEqual(['https://app.example/play/registry.json'])
  })
})
