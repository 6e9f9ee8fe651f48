import type { LoadStage } from '../protocol'
import { type CreateRequest, PluginHost } from '../sandbox/pluginHost'
import { createPythonPlugin } from './pythonPlugin'

/** The plugin host of a Python sandbox: the plugin comes from the manifest's wheels, not from a module. */
export class PythonPluginHost extends PluginHost {
  protected override createPlugin(request: CreateRequest, onStage: (stage: LoadStage) => void): Promise<Record<string, unknown>> {
    if (request.type !== 'load-python') return Promise.reject(new Error('this sandbox runs Python plugins only'))
    return createPythonPlugin(request, onStage)
  }
}
