import { expect, test } from 'vitest'
import { resolveModuleUrl } from '../../../src/core/manifest/moduleSpecifier'

test.each([
  ['./p.js', 'https://host.example/r/registry.json', { url: 'https://host.example/r/p.js' }],
  ['./p.js', 'file:///srv/registry/registry.json', { url: 'file:///srv/registry/p.js' }],
  ['file:///etc/p.js', 'https://host.example/registry.json', { error: 'unsupported URL scheme "file:" in "file:///etc/p.js" (use http or https)' }],
  [
    'data:text/javascript,export default {}',
    'file:///srv/registry.json',
    { error: 'unsupported URL scheme "data:" in "data:text/javascript,export default {}" (use http or https)' },
  ],
])('%s against %s', (module, manifestUrl, expected) => {
  expect(resolveModuleUrl(module, manifestUrl)).toEqual(expected)
})
