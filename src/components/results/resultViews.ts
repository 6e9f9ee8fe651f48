import type { Component } from 'vue'
import DoeResults from './DoeResults.vue'

/** Views that show what a command produced beyond its result object, by plugin and command. */
const RESULT_VIEWS: Record<string, Record<string, Component>> = {
  doe_runner: { execute_cases: DoeResults },
}

export function resultViewFor(plugin: string, command: string): Component | undefined {
  const views = Object.hasOwn(RESULT_VIEWS, plugin) ? RESULT_VIEWS[plugin] : undefined
  return views && Object.hasOwn(views, command) ? views[command] : undefined
}
