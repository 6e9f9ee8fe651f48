import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { HealthReport } from '../runtime/protocol'
import { useRegistryStore, type LoadState } from './registry'

export interface HealthCheck {
  checking: boolean
  report?: HealthReport
  durationMs?: number
}

/** Why a plugin that may not be imported yet is reported unhealthy without touching it. */
const NOT_LOADED: Partial<Record<LoadState, string>> = {
  listed: 'not loaded (discovery.auto_load is off): load it from the Plugins tab first',
  'awaiting-consent': 'not loaded: waiting for your consent to run its code',
  declined: 'not loaded: you chose not to run its code',
}

/** `check_plugin_health` for each plugin; checks run concurrently, each within its own time limit. */
export const useHealthStore = defineStore('health', () => {
  const registry = useRegistryStore()
  const checks = ref<Record<string, HealthCheck>>({})

  // Reports belong to the plugins they were made for: a new set of registries starts clean.
  watch(
    () => registry.plugins,
    () => (checks.value = {}),
  )

  async function check(name: string): Promise<void> {
    const sandbox = registry.sandboxFor(name)
    if (!sandbox || !registry.record(name)) return
    checks.value[name] = { checking: true }
    await registry.startOnUse(name)
    const state = registry.record(name)?.state
    if (!state) return
    const notLoaded = NOT_LOADED[state]
    if (notLoaded) {
      checks.value[name] = { checking: false, report: { healthy: false, error: notLoaded } }
      return
    }
    const started = performance.now()
    const report = await sandbox.health()
    checks.value[name] = { checking: false, report, durationMs: Math.round(performance.now() - started) }
  }

  function checkAll(): Promise<void[]> {
    return Promise.all(registry.plugins.map((plugin) => check(plugin.name)))
  }

  return { checks, check, checkAll }
})
