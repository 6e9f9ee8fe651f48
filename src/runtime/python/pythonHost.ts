import type { LoadStage, WorkerMessage } from '../protocol'
import { type CreateRequest, PluginHost } from '../sandbox/pluginHost'
import { type DownloadWheel, downloadWheel } from './installWheels'
import { createPythonPlugin, startEnvironment } from './pythonPlugin'
import type { Python } from './startPython'

/**
 * The plugin host of a Python sandbox: it hosts every Python plugin of a manifest, each from the manifest's
 * wheels (not from a module), in the one CPython the first load starts.
 */
export class PythonPluginHost extends PluginHost {
  private python: Promise<Python> | undefined

  /** `download` gets the wheels: over http(s) in a browser; the headless runner reads local ones from disk too. */
  constructor(
    post: (message: WorkerMessage) => void,
    private readonly download: DownloadWheel = downloadWheel,
  ) {
    super(post)
  }

  protected override async createPlugin(request: CreateRequest, onStage: (stage: LoadStage) => void): Promise<{ plugin: Record<string, unknown> }> {
    if (request.type !== 'load-python') throw new Error('this sandbox runs Python plugins only')
    this.python ??= startEnvironment(request, onStage, this.download)
    return { plugin: createPythonPlugin(await this.python, request, onStage) }
  }
}
