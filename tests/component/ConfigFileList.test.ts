import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ConfigFileList from '../../src/components/config/ConfigFileList.vue'

const entries = [
  { key: 'strataregula:config.yaml', unsaved: true, invalid: false, notCreated: false },
  { key: 'strataregula:doe_runner.yaml', unsaved: false, invalid: true, notCreated: false },
  { key: 'strataregula:hello.yaml', unsaved: false, invalid: false, notCreated: true },
]

describe('ConfigFileList', () => {
  it('lists each file with its marks, the chosen one current', () => {
    const list = mount(ConfigFileList, { props: { entries, modelValue: 'strataregula:doe_runner.yaml' } })
    const buttons = list.findAll('button')
    expect(buttons.map((button) => button.text().replace(/\s+/g, ' '))).toEqual([
      'config.yaml • (unsaved changes)',
      'doe_runner.yaml (invalid)',
      'hello.yaml (not created yet)',
    ])
    expect(buttons.map((button) => button.attributes('aria-current'))).toEqual([undefined, 'true', undefined])
  })

  it('chooses a file on click', async () => {
    const list = mount(ConfigFileList, { props: { entries, modelValue: 'strataregula:config.yaml' } })
    await list.findAll('button')[2].trigger('click')
    expect(list.emitted('update:modelValue')).toEqual([['strataregula:hello.yaml']])
  })
})
