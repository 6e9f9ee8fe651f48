import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CallOptions, PluginSandbox } from '../../src/runtime/pluginSandbox'
import ExecutePanel from '../../src/panels/ExecutePanel.vue'
import { useConfigStore } from '../../src/stores/config'
import { useExecuteStore } from '../../src/stores/execute'
import { useRegistryStore, type PluginRecord } from '../../src/stores/registry'

vi.mock('../../src/stores/workspace', () => ({ useWorkspaceStore: () => ({ fs: {} }) }))

const RESTAURANT: PluginRecord = {
  name: 'restaurant_config',
  entry: { name: 'restaurant_config' } as PluginRecord['entry'],
  state: 'ready',
  commands: ['validate_config', 'get_schema'],
  notes: ['get_info().commands.get_schema was ignored: it is not an object'],
  info: {
    name: 'restaurant_config',
    version: '0.1.0',
    exit_codes: { 3: 'Execution or configuration error' },
    commands: {
      validate_config: {
        description: 'Checks a configuration',
        arguments: {
          config_path: { description: 'The file', required: true, example: 'restaurant.yaml' },
          strict: { description: 'Unknown keys are errors', required: false, default: true },
        },
        example: { config_path: 'restaurant.yaml' },
      },
    },
  },
}

function mountPanel(call: (command: string, kwargs: Record<string, unknown>, options: CallOptions) => Promise<unknown>) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const registry = useRegistryStore()
  registry.plugins = [structuredClone(RESTAURANT)]
  registry.record = (name: string) => registry.plugins.find((plugin) => plugin.name === name)
  registry.sandboxFor = () => ({ call }) as unknown as PluginSandbox
  return mount(ExecutePanel, { global: { plugins: [pinia] }, attachTo: document.body })
}

beforeEach(() => localStorage.clear())
// The settings are read in the background: a test ends once they are, not while the page is being torn down.
afterEach(() => useConfigStore().ready)

describe('ExecutePanel', () => {
  it('shows the chosen command’s help, starts from its example and warns of an undeclared argument', async () => {
    const wrapper = mountPanel(async () => ({ status: 'success' }))
    await flushPromises()
    expect((wrapper.get('#run-plugin').element as HTMLSelectElement).value).toBe('restaurant_config')
    expect(wrapper.get('[aria-label="About validate_config"]').text()).toContain('Checks a configuration')
    expect(wrapper.findAll('dt').map((term) => term.text())).toEqual(['config_path required', 'strict optional'])
    expect(wrapper.text()).toContain('get_info().commands.get_schema was ignored: it is not an object')
    const args = wrapper.get('#run-arguments')
    expect((args.element as HTMLTextAreaElement).value).toBe('config_path: restaurant.yaml\n')

    await args.setValue('config_path: restaurant.yaml\nstrictt: false')
    expect(wrapper.get('#run-arguments-warning').text()).toBe('validate_config does not declare the argument strictt: it takes config_path, strict')
  })

  it('runs on Ctrl+Enter and shows the exit code’s meaning next to the outcome', async () => {
    const call = vi.fn(async () => ({ status: 'success', exit_code: 3 }))
    const wrapper = mountPanel(call)
    await flushPromises()
    await wrapper.get('#run-arguments').trigger('keydown', { key: 'Enter', ctrlKey: true })
    await flushPromises()
    expect(call).toHaveBeenCalledWith('validate_config', { config_path: 'restaurant.yaml' }, expect.anything())
    const outcome = wrapper.get('.run-status')
    expect(outcome.text()).toContain('Command executed successfully')
    expect(outcome.get('.exit-note').text()).toBe('⚠ exit code 3: Execution or configuration error')
    expect(wrapper.get('.run-title').text()).toMatch(/^Run 1: restaurant_config\.validate_config, started \d{2}:\d{2}:\d{2}$/)
  })

  it('refuses unreadable arguments with their line and column and starts no run', async () => {
    const call = vi.fn()
    const wrapper = mountPanel(call)
    await flushPromises()
    await wrapper.get('#run-arguments').setValue('config_path: [restaurant.yaml')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('#run-arguments-error').text()).toMatch(/^Invalid arguments at line \d+, column \d+: /)
    expect((wrapper.get('#run-arguments').element as HTMLTextAreaElement).value).toBe('config_path: [restaurant.yaml')
    expect(call).not.toHaveBeenCalled()
    expect(useExecuteStore().runs).toEqual([])
  })
})
