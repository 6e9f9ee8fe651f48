import { CONFIG_KEY_PREFIX } from '../../core/storageKeys'

/** The file a storage key mirrors: `strataregula:doe_runner.yaml` → `doe_runner.yaml` (spec §3). */
export function configFileName(key: string): string {
  return key.slice(CONFIG_KEY_PREFIX.length)
}
