import type { LoadStage } from '../runtime/protocol'

/** What a plugin that is loading is doing, as the Plugins and Execute panels say it. */
export const LOAD_STAGE_TEXT: Record<LoadStage, string> = {
  runtime: 'Downloading the Python runtime…',
  python: 'Starting Python…',
  wheels: 'Installing wheels…',
  import: 'Importing…',
  create: 'Creating the plugin…',
  get_info: 'Calling get_info()…',
}
