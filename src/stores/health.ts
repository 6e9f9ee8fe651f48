import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { HealthReport } from '../runtime/protocol'
import { useRegistryStore } from './registry'

export interface HealthCheck {
  checking: boolean
  report?: HealthReport
  durationMs?: number
}

/** `check_plugin_health` for each plugin; checks run concurrently, each within its own time limit. */
export const useHealthStore = defineStore('health', () => {
  const checks = ref<Record<string, HealthCheck>>({})

  async function check(name: string): Promise<void> {
    const sandbox = useRegistryStore().sandboxFor(name)
    if (!sandbox) return
    checks.value[name] = { checking: true }
    const started = performance.now()
    const report = await sandbox.health()
    checks.value[name] = { checking: false, report, durationMs: Math.round(performance.now() - started) }
  }

  function checkAll(): Promise<void[]> {
    return Promise.all(useRegistryStore().plugins.map((plugin) => check(plugin.name)))
  }

  return { checks, check, checkAll }
})
