import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import CodeEditor from '../../src/components/CodeEditor.vue'
import { GLOBAL_CONFIG_KEY, pluginConfigKey } from '../../src/core/storageKeys'
import ConfigPanel from '../../src/panels/ConfigPanel.vue'
import { useConfigStore } from '../../src/stores/config'
import { useRegistryStore, type PluginRecord } from '../../src/stores/registry'

const HELLO_KEY = pluginConfigKey('hello')
const DOE_KEY = pluginConfigKey('doe_runner')

function loaded(name: string): PluginRecord {
  return { name, entry: { name } as PluginRecord['entry'], state: 'ready', commands: [] }
}

/** The panel over the stored files, with hello loaded (doe_runner and restaurant_config are in config.yaml). */
async function mountPanel(stored: Record<string, string> = {}) {
  for (const [key, text] of Object.entries(stored)) localStorage.setItem(key, text)
  const pinia = createPinia()
  setActivePinia(pinia)
  useRegistryStore().plugins = [loaded('hello')]
  await useConfigStore().ready
  const panel = mount(ConfigPanel, { global: { plugins: [pinia] }, attachTo: document.body })
  await flushPromises()
  return panel
}

type Panel = Awaited<ReturnType<typeof mountPanel>>

function listed(panel: Panel): string[] {
  return panel.findAll('nav button').map((button) => button.text().replace(/\s+/g, ' '))
}

async function choose(panel: Panel, fileName: string): Promise<void> {
  const entry = panel.findAll('nav button').find((button) => button.text().startsWith(fileName))
  if (!entry) throw new Error(`${fileName} is not listed`)
  await entry.trigger('click')
  await flushPromises()
}

/** Types `text` into the editor, as the editor's model reports it. */
async function type(panel: Panel, text: string): Promise<void> {
  panel.getComponent(CodeEditor).vm.$emit('update:modelValue', text)
  await flushPromises()
}

function button(panel: Panel, name: string) {
  const found = panel.findAll('button').find((candidate) => candidate.text() === name)
  if (!found) throw new Error(`No button ${name}`)
  return found
}

/** True when closing the page now would ask the user first. */
function leavingAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true })
  window.dispatchEvent(event)
  return event.defaultPrevented
}

let panel: Panel | undefined

beforeEach(() => localStorage.clear())
afterEach(() => panel?.unmount())

describe('ConfigPanel', () => {
  it('lists config.yaml, then the file of every loaded or configured plugin, not created yet', async () => {
    panel = await mountPanel()
    expect(listed(panel)).toEqual([
      'config.yaml',
      'doe_runner.yaml (not created yet)',
      'hello.yaml (not created yet)',
      'restaurant_config.yaml (not created yet)',
    ])
    expect(panel.get('.config-file h3').text()).toBe('config.yaml')
    expect(panel.get('.file-status').text()).toBe('Not saved: the playground uses the built-in defaults. Save to keep this text in this browser.')
  })

  it('opens a plugin’s file in one click, starting from what config.yaml gives it', async () => {
    panel = await mountPanel()
    await choose(panel, 'doe_runner.yaml')
    expect(panel.get('.config-file h3').text()).toBe('doe_runner.yaml')
    expect(panel.get('.file-status').text()).toBe(
      'Not created yet: doe_runner gets only plugins.doe_runner of config.yaml. Save to create this file in this browser.',
    )
    expect(panel.getComponent(CodeEditor).props('modelValue')).toContain('# default_workers: 4')
    expect(panel.get('nav [aria-current="true"]').text()).toContain('doe_runner.yaml')
  })

  it('shows one save state at a time, marks the unsaved file, and asks before the page is left', async () => {
    panel = await mountPanel()
    await choose(panel, 'hello.yaml')
    expect(leavingAsks()).toBe(false)

    await type(panel, 'greeting: hi\n')
    expect(panel.get('.file-status').text()).toBe('Unsaved changes')
    expect(listed(panel)).toContain('hello.yaml • (unsaved changes) (not created yet)')
    expect(leavingAsks()).toBe(true)

    // Another file keeps the draft, and leaving still asks.
    await choose(panel, 'config.yaml')
    expect(leavingAsks()).toBe(true)
    await choose(panel, 'hello.yaml')
    expect(panel.getComponent(CodeEditor).props('modelValue')).toBe('greeting: hi\n')

    await button(panel, 'Save').trigger('click')
    await flushPromises()
    expect(localStorage.getItem(HELLO_KEY)).toBe('greeting: hi\n')
    expect(panel.get('.file-status').text()).toBe('Saved in this browser.')
    expect(listed(panel)).toContain('hello.yaml')
    expect(leavingAsks()).toBe(false)
  })

  it('discarding changes brings back the saved text, and leaving no longer asks', async () => {
    panel = await mountPanel({ [GLOBAL_CONFIG_KEY]: 'discovery:\n  auto_load: false\n' })
    await type(panel, 'discovery:\n  auto_load: true\n')
    expect(leavingAsks()).toBe(true)
    await button(panel, 'Discard changes').trigger('click')
    await flushPromises()
    expect(panel.getComponent(CodeEditor).props('modelValue')).toBe('discovery:\n  auto_load: false\n')
    expect(panel.get('.file-status').text()).toBe('Saved in this browser.')
    expect(leavingAsks()).toBe(false)
  })

  it('flags an invalid saved file beside its name and says what the plugin runs on, keeping its text', async () => {
    const broken = 'default_workers: [4\n'
    panel = await mountPanel({ [DOE_KEY]: broken })
    expect(listed(panel)).toContain('doe_runner.yaml (invalid)')
    await choose(panel, 'doe_runner.yaml')
    expect(panel.get('.file-status').text()).toBe(
      'doe_runner.yaml is invalid: what it cannot read is left out of the ctx.config of doe_runner until it is fixed. Your text is kept as you wrote it.',
    )
    expect(panel.getComponent(CodeEditor).props('modelValue')).toBe(broken)
    expect(panel.get('.issues.errors').text()).toMatch(/^1 error/)
    expect(localStorage.getItem(DOE_KEY)).toBe(broken)
  })

  it('shows the effective configuration of every plugin it knows of', async () => {
    panel = await mountPanel({ [HELLO_KEY]: 'greeting: hi\n' })
    const names = panel.findAll('dt code').map((name) => name.text())
    expect(names).toEqual(expect.arrayContaining(['doe_runner', 'hello', 'restaurant_config']))
  })
})
