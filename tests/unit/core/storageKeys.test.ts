import { describe, expect, it } from 'vitest'
import { GLOBAL_CONFIG_KEY, configFileName, pluginConfigKey, pluginNameOfConfigKey } from '../../../src/core/storageKeys'

describe('the configuration files’ storage keys', () => {
  it('name the file they mirror', () => {
    expect(configFileName(GLOBAL_CONFIG_KEY)).toBe('config.yaml')
    expect(configFileName(pluginConfigKey('doe_runner'))).toBe('doe_runner.yaml')
  })

  it('name the plugin whose file they are, and no plugin for any other key', () => {
    expect(pluginNameOfConfigKey(pluginConfigKey('doe_runner'))).toBe('doe_runner')
    expect(pluginNameOfConfigKey(GLOBAL_CONFIG_KEY)).toBeNull()
    expect(pluginNameOfConfigKey('strataregula:.yaml')).toBeNull()
    expect(pluginNameOfConfigKey('strataregula:notes.txt')).toBeNull()
    expect(pluginNameOfConfigKey('other:doe_runner.yaml')).toBeNull()
  })
})
