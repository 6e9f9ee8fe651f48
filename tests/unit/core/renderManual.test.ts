import { describe, expect, it } from 'vitest'
import { renderManual } from '../../../src/core/docs/renderManual'

const MANUAL = 'https://plugins.example.org/doe/README.md'

describe('renderManual', () => {
  it('renders headings, code and tables', () => {
    const html = renderManual('# DOE Runner\n\nRuns `cases.csv`.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n', MANUAL)
    expect(html).toContain('<h1>DOE Runner</h1>')
    expect(html).toContain('<code>cases.csv</code>')
    expect(html).toContain('<td>1</td>')
  })

  it('shows HTML written in the manual as text', () => {
    const html = renderManual('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">', MANUAL)
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('drops javascript: links and keeps their text', () => {
    const html = renderManual('[click](javascript:alert(1))', MANUAL)
    expect(html).not.toContain('href')
    expect(html).toContain('[click](javascript:alert(1))')
  })

  it('resolves relative links and images against the manual and opens links in a new tab', () => {
    const html = renderManual('[samples](../samples/cases.csv) ![chart](img/chart.png)', MANUAL)
    expect(html).toContain('<a href="https://plugins.example.org/samples/cases.csv" target="_blank" rel="noopener noreferrer">samples</a>')
    expect(html).toContain('<img src="https://plugins.example.org/doe/img/chart.png" alt="chart">')
  })
})
