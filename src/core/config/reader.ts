/**
 * Reading and editing the configuration files: the YAML parser and semver come with them, so the app
 * loads this module after its first paint and runs on the defaults until then.
 */
export { appendIn } from './edit'
export { readGlobalConfigFile, readPluginConfigFile } from './fileState'
