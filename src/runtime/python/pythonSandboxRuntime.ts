/** Entry module of a Python plugin's sandbox worker (opaque origin). */
import { serveHost } from '../sandbox/serveHost'
import { PythonPluginHost } from './pythonHost'

serveHost((post) => new PythonPluginHost(post))
