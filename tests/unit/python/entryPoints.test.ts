import { describe, expect, it } from 'vitest'
import { isObjectReference, parseEntryPoints } from '../../../src/core/python/entryPoints'
import { parseWheelMetadata } from '../../../src/core/python/wheelMetadata'

describe('parseEntryPoints', () => {
  it('reads groups and entries, skipping blank lines and comments', () => {
    const text =
      '# generated\n[console_scripts]\ntool = demo.cli:main\n\n[strataregula.plugins]\n; a comment\nhello = demo.plugin:Hello\r\n  spaced  =  demo.deep.module : Outer.Inner [extra]  \n'
    expect(parseEntryPoints(text)).toEqual([
      { group: 'console_scripts', name: 'tool', value: 'demo.cli:main', line: 3 },
      { group: 'strataregula.plugins', name: 'hello', value: 'demo.plugin:Hello', line: 7 },
      { group: 'strataregula.plugins', name: 'spaced', value: 'demo.deep.module : Outer.Inner [extra]', line: 8 },
    ])
  })

  it('reads an empty file as no entries', () => {
    expect(parseEntryPoints('')).toEqual([])
  })

  it.each([
    ['an entry before any group', 'hello = demo:Hello\n', 'entry_points.txt line 1: an entry before any [group] header'],
    ['a line without =', '[strataregula.plugins]\nhello demo:Hello\n', 'entry_points.txt line 2: "hello demo:Hello" is not "name = object reference"'],
    ['an unclosed header', '[strataregula.plugins\n', 'entry_points.txt line 1: unclosed group header "[strataregula.plugins"'],
  ])('refuses %s', (_, text, message) => {
    expect(() => parseEntryPoints(text)).toThrow(message)
  })

  it.each([
    ['demo.plugin:Hello', true],
    ['demo.plugin:Outer.Inner', true],
    ['demo.plugin', true],
    ['demo.plugin:Hello [fast, small]', true],
    ['demo/plugin.py:Hello', false],
    ['demo.plugin:', false],
    ['', false],
    ['demo plugin:Hello', false],
  ])('%j is an object reference: %s', (value, expected) => {
    expect(isObjectReference(value)).toBe(expected)
  })
})

describe('parseWheelMetadata', () => {
  it('reads the header fields by lower-cased name, the first occurrence winning, and stops at the body', () => {
    const fields = parseWheelMetadata(
      'Metadata-Version: 2.1\nName: demo\nVersion: 1.2.3\nSummary: Does things\nClassifier: A\nClassifier: B\nLicense: line one\n  line two\n\nVersion: 9.9.9 (the long description)\n',
    )
    expect(fields.get('name')).toBe('demo')
    expect(fields.get('version')).toBe('1.2.3')
    expect(fields.get('summary')).toBe('Does things')
    expect(fields.get('classifier')).toBe('A')
    expect(fields.get('license')).toBe('line one\nline two')
  })

  it('has no field that is absent', () => {
    expect(parseWheelMetadata('Name: demo\n').get('summary')).toBeUndefined()
  })
})
