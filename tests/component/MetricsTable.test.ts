import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import MetricsTable from '../../src/components/results/MetricsTable.vue'
import { readMetricsCsv } from '../../src/core/doe/metricsTable'

function metrics(count: number) {
  const rows = Array.from({ length: count }, (_, index) => `case-${index},OK,${(index % 7) / 100}`)
  return readMetricsCsv(['case_id,status,p95', ...rows].join('\n') + '\n')
}

describe('MetricsTable', () => {
  it('shows the first 25 cases of a big run, then more on request', async () => {
    const table = mount(MetricsTable, { props: { table: metrics(120) }, attachTo: document.body })
    expect(table.findAll('tbody tr')).toHaveLength(25)
    expect(table.get('[role="status"]').text()).toBe('Showing the first 25 of 120 cases.')
    const button = (text: string) => table.findAll('button').find((candidate) => candidate.text() === text)!
    await button('Show more').trigger('click')
    expect(table.findAll('tbody tr')).toHaveLength(50)
    await button('Show all 120 cases').trigger('click')
    expect(table.findAll('tbody tr')).toHaveLength(120)
    expect(table.find('[role="status"]').exists()).toBe(false)
    table.unmount()
  })
})
